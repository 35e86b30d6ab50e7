/**
 * The Chinese interface texts: the source of every message key. `{name}` marks a value filled in by `t()`.
 * en-US.ts must provide exactly these keys.
 */
export const zhCN = {
  'app.name': '公信',
  'app.skipToContent': '跳到主要内容',
  'app.footer': '公信 · 开源公共信用信息平台',
  'app.loadFailed': '加载失败：{reason}',
  'app.networkError': '无法连接服务器，请检查网络后重试',
  'app.retry': '重试',

  'header.role': '当前身份：{role}',
  'header.language': '界面语言',

  'nav.label': '主导航',
  'nav.home': '首页',
  'nav.search': '信用查询',

  'role.public': '社会公众',
  'role.subject': '信用主体',
  'role.provider': '信息提供单位',
  'role.gov': '政务用户',
  'role.agency': '信用服务机构',
  'role.center': '信用中心/主管部门',

  'search.label': '企业名称或统一社会信用代码',
  'search.placeholder': '请输入企业名称或统一社会信用代码',
  'search.submit': '查询',
  'search.tooShort': '请至少输入 {min} 个字符',

  'home.title': '公共信用信息查询',
  'home.subtitle': '查询企业、个体工商户、社会组织和事业单位依法公开的信用信息',
  'home.figures': '信用信息概况',
  'home.figuresOfCity': '{city}信用信息概况',
  'home.providers': '信息提供单位',
  'home.subjects': '信用主体',
  'home.organizations': '企业及其他组织',
  'home.profile': '适用规则版本：{version}',
  'home.profileFrom': '，{from} 起施行',
  'home.profileUntil': '，有效期至 {to}',
  'home.profileInForce': '现行有效',
  'home.profileExpired': '已过有效期，继续沿用',
  'home.asOf': '统计日期：{date}',

  'searchPage.title': '信用查询',
  'searchPage.prompt': '请输入要查询的企业名称或统一社会信用代码。',
  'searchPage.summary': '与“{query}”相关的主体共 {total} 个',
  'searchPage.truncated': '仅显示前 {shown} 个，请输入更完整的名称或代码以缩小范围。',
  'searchPage.empty': '未找到与“{query}”相关的主体',
  'searchPage.emptyHint': '请检查名称或统一社会信用代码是否输入正确。',
  'searchPage.failed': '查询失败',

  'subject.name': '名称',
  'subject.code': '统一社会信用代码',
  'subject.kind': '主体类型',
  'subject.district': '所属区域',
  'subject.districtUnknown': '—',

  'kind.company': '企业',
  'kind.individual_business': '个体工商户',
  'kind.social_organization': '社会组织',
  'kind.public_institution': '事业单位',
  'kind.other_organization': '其他组织',
  'kind.natural_person': '自然人',

  'notFound.title': '页面不存在',
  'notFound.subtitle': '您访问的页面不存在或已被移除。',
  'notFound.home': '返回首页',
};

export type MessageKey = keyof typeof zhCN;
/** Same keys as zh-CN, any text: TypeScript reports a missing or an extra key in another language. */
export type Messages = Record<MessageKey, string>;
