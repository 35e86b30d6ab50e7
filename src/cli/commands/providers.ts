import type { Command } from 'commander';
import { listProviders } from '../../modules/organizations/list-providers.ts';
import { registerProvider } from '../../modules/organizations/register-provider.ts';
import { setProviderItems } from '../../modules/organizations/set-provider-items.ts';
import { runUseCase, systemActor } from '../../platform/context.ts';
import { withInstance } from '../instance.ts';
import type { CliIO, CommandRegistrar } from '../io.ts';
import { type InstanceOptions, withInstanceOptions } from '../options.ts';

interface RegisterOptions extends InstanceOptions {
  code: string;
  name: string;
  nameEn?: string;
  type: string;
  channel: string;
  division: string;
  json?: boolean;
}

export const registerProviderCommands: CommandRegistrar = (program: Command, io: CliIO) => {
  const providers = program.command('providers').description('信息提供单位 / information providers');
  withInstanceOptions(
    providers
      .command('list')
      .description('列出信息提供单位 / list the providers')
      .option(
        '--json',
        'a JSON array of {code, name, nameEn, kind, divisionCode, providerType, collectionChannel}',
      ),
  ).action(async (options: InstanceOptions & { json?: boolean }) => {
    const list = await withInstance(io, options, (platform) => listProviders(platform.db));
    if (options.json) {
      io.stdout(`${JSON.stringify(list)}\n`);
      return;
    }
    for (const p of list) io.stdout(`${p.code.padEnd(14)} ${p.name}\n`);
    io.stdout(`共 ${list.length} 个 / ${list.length} providers\n`);
  });

  withInstanceOptions(
    providers
      .command('register')
      .description(
        '登记信息提供单位：类型与归集渠道须为本市规定所允许（厦门司法机关、省部属驻厦单位 000 第十二条(三)；威海、南通自愿提供单位 003 第三十七条、004 第四十一条）/ register a provider with a type and channel the city allows',
      )
      .requiredOption(
        '--code <CODE>',
        '统一社会信用代码；已有单位填其编码，如 XM-ZJFY / USCC, or an existing code',
      )
      .requiredOption('--name <NAME>', '单位全称 / full official name')
      .option('--name-en <NAME>', '英文名称 / English name')
      .requiredOption(
        '--type <TYPE>',
        'STATE_ORGAN | ADMINISTRATIVE_ORGAN | JUDICIAL_ORGAN | AUTHORIZED_ORGANIZATION | MASS_ORGANIZATION | STATIONED_UNIT | VOLUNTARY',
      )
      .requiredOption('--channel <CHANNEL>', '归集渠道，如 FILE_REPORTING / collection channel')
      .requiredOption('--division <CODE>', '行政区划代码 / division code (GB/T 2260)')
      .option('--json', '输出一个 JSON 对象 / print one JSON object'),
  ).action(async (options: RegisterOptions) => {
    const { provider, created } = await withInstance(io, options, (platform) =>
      runUseCase(platform, systemActor('cli'), (ctx) =>
        registerProvider(ctx, {
          code: options.code,
          name: options.name,
          nameEn: options.nameEn ?? null,
          providerType: options.type,
          collectionChannel: options.channel,
          divisionCode: options.division,
        }),
      ),
    );
    if (options.json) {
      io.stdout(`${JSON.stringify({ provider, created })}\n`);
      return;
    }
    io.stdout(
      `${created ? '已登记 / registered' : '已更新登记 / registration updated'}: ${provider.code} ${provider.name} ${provider.providerType} ${provider.collectionChannel}\n`,
    );
  });

  withInstanceOptions(
    providers
      .command('items')
      .description(
        '设置信息提供单位可报送的目录事项（整份清单；未列出的事项不再许可）/ set the catalog items a provider may submit (the whole list)',
      )
      .argument('<CODE>', '信息提供单位编码 / provider code')
      .argument('[ITEMS...]', '目录事项代码，如 XZCF SXBZXR / catalog item codes')
      .option('--json', '输出一个 JSON 对象 / print one JSON object'),
  ).action(async (code: string, items: string[], options: InstanceOptions & { json?: boolean }) => {
    const result = await withInstance(io, options, (platform) =>
      runUseCase(platform, systemActor('cli'), (ctx) =>
        setProviderItems(ctx, { providerCode: code, itemCodes: items }),
      ),
    );
    if (options.json) {
      io.stdout(`${JSON.stringify(result)}\n`);
      return;
    }
    io.stdout(
      `${result.code}: ${result.items.join(' ') || '（无 / none）'}; +${result.added.join(' ')} -${result.removed.join(' ')}\n`,
    );
  });
};
