import { Type } from 'typebox';
import { ALL_PERMISSIONS } from './permissions.ts';
import { ACCOUNT_ROLES } from './roles.ts';

const Nullable = <T extends Parameters<typeof Type.Union>[0][number]>(schema: T) =>
  Type.Union([schema, Type.Null()]);

export const RoleName = Type.Union(ACCOUNT_ROLES.map((role) => Type.Literal(role)));
const Organization = Type.Object({ code: Type.String(), name: Type.String() });

export const Session = Type.Object({
  role: Type.Union(
    [Type.Literal('public'), Type.Literal('api_client'), ...ACCOUNT_ROLES.map((r) => Type.Literal(r))],
    {
      description: '当前角色 / the caller’s role',
    },
  ),
  displayName: Type.Optional(Type.String()),
  username: Type.Optional(Type.String()),
  organization: Type.Optional(Nullable(Organization)),
  permissions: Type.Array(Type.Union(ALL_PERMISSIONS.map((p) => Type.Literal(p)))),
  csrfToken: Type.Optional(
    Type.String({
      description: '浏览器会话的 CSRF 令牌：所有写请求须在 X-CSRF-Token 头中回传 / echo in X-CSRF-Token',
    }),
  ),
  expiresAt: Type.Optional(Type.String({ format: 'date-time' })),
  passwordMustChange: Type.Optional(Type.Boolean()),
  realName: Type.Optional(
    Type.Object({
      verified: Type.Boolean({ description: '本会话已实名认证 / verified in this session' }),
      method: Nullable(Type.String()),
    }),
  ),
  signIn: Type.Object({
    sso: Type.Boolean({ description: '已配置统一身份认证 / single sign-on configured' }),
    realName: Type.Union([Type.Literal('oidc'), Type.Literal('local')]),
  }),
});

export const Login = Type.Object({
  username: Type.String({ minLength: 1, maxLength: 64 }),
  password: Type.String({ minLength: 1, maxLength: 256 }),
});

export const Problem = Type.Object({ error: Type.String(), message: Type.String() });

export const ChangePassword = Type.Object({
  currentPassword: Type.String({ minLength: 1, maxLength: 256 }),
  newPassword: Type.String({ minLength: 1, maxLength: 256 }),
});

export const AccountView = Type.Object({
  id: Type.Integer(),
  username: Type.String(),
  displayName: Type.String(),
  role: RoleName,
  organization: Nullable(Organization),
  subjectCode: Nullable(Type.String()),
  operatorIdNumber: Nullable(Type.String()),
  itemScope: Nullable(
    Type.Array(Type.String(), {
      description: '政务查询账号限定的信息事项（R89）；null 为不限定 / the account’s items',
    }),
  ),
  status: Type.Union([Type.Literal('active'), Type.Literal('disabled')]),
  passwordMustChange: Type.Boolean(),
  createdAt: Type.String({ format: 'date-time' }),
});

export const SessionView = Type.Object({
  id: Type.Integer(),
  current: Type.Boolean(),
  createdAt: Type.String({ format: 'date-time' }),
  lastSeenAt: Type.String({ format: 'date-time' }),
  userAgent: Nullable(Type.String()),
});

export const OwnAccount = Type.Object({ account: AccountView, sessions: Type.Array(SessionView) });

export const ApiClientView = Type.Object({
  clientId: Type.String(),
  name: Type.String(),
  organization: Organization,
  scopes: Type.Array(Type.String()),
  status: Type.Union([Type.Literal('active'), Type.Literal('revoked')]),
  createdAt: Type.String({ format: 'date-time' }),
  revokedAt: Nullable(Type.String({ format: 'date-time' })),
  lastTokenAt: Nullable(Type.String({ format: 'date-time' })),
});

const OrganizationDetails = Type.Object({
  code: Type.String(),
  name: Type.String(),
  nameEn: Nullable(Type.String()),
  kind: Type.String(),
  isProvider: Type.Boolean(),
});

export const OwnOrganization = Type.Object({
  ...OrganizationDetails.properties,
  apiClients: Type.Array(ApiClientView),
});

export const OrganizationList = Type.Array(
  Type.Object({
    ...OrganizationDetails.properties,
    apiClientScopes: Type.Array(Type.String(), {
      description: '该单位接口客户端可授予的范围 / scopes its clients may hold',
    }),
  }),
);

export const OwnSubject = Type.Object({
  code: Type.String(),
  name: Type.String(),
  kind: Type.String(),
  division: Type.Object({ code: Type.String(), name: Nullable(Type.String()) }),
  registeredOn: Nullable(Type.String({ format: 'date' })),
  legalRepresentative: Nullable(Type.String()),
  verifiedAt: Type.String({ format: 'date-time' }),
  verificationMethod: Type.String(),
});

export const RealNameStart = Type.Object({
  name: Type.Optional(Type.String({ maxLength: 64, description: '姓名（本地认证）' })),
  idNumber: Type.Optional(Type.String({ maxLength: 32, description: '居民身份证号码（本地认证）' })),
});

export const RealNameStep = Type.Union([
  Type.Object({ kind: Type.Literal('redirect'), url: Type.String() }),
  Type.Object({ kind: Type.Literal('code_sent'), expiresAt: Type.String({ format: 'date-time' }) }),
]);

export const RealNameConfirm = Type.Object({ code: Type.String({ minLength: 1, maxLength: 16 }) });

export const RealNameResult = Type.Object({ verified: Type.Literal(true), method: Type.String() });

export const CreateAccount = Type.Object({
  username: Type.String({ maxLength: 64 }),
  displayName: Type.String({ maxLength: 128 }),
  role: RoleName,
  organizationCode: Type.Optional(Nullable(Type.String({ maxLength: 32 }))),
  subjectCode: Type.Optional(Nullable(Type.String({ maxLength: 32 }))),
  operatorIdNumber: Type.Optional(Nullable(Type.String({ maxLength: 32 }))),
  ssoSubject: Type.Optional(Nullable(Type.String({ maxLength: 255 }))),
  itemScope: Type.Optional(
    Nullable(
      Type.Array(Type.String({ maxLength: 40 }), {
        maxItems: 200,
        description:
          '政务查询账号可查询的信息事项代码（002 第九条 ¶2） / the catalog items a government account may query',
      }),
    ),
  ),
});

export const AccountWithPassword = Type.Object({
  account: AccountView,
  temporaryPassword: Type.String({ description: '仅显示一次的临时密码 / shown once' }),
});

export const AccountIdParams = Type.Object({ id: Type.Integer({ minimum: 1 }) });
export const ClientIdParams = Type.Object({ clientId: Type.String({ maxLength: 64 }) });

export const CreateApiClient = Type.Object({
  organizationCode: Type.String({ maxLength: 32 }),
  name: Type.String({ maxLength: 128 }),
  scopes: Type.Array(Type.String({ maxLength: 64 }), { maxItems: 16 }),
});

export const ApiClientWithSecret = Type.Object({
  client: ApiClientView,
  clientSecret: Type.String({ description: '仅显示一次的客户端密钥 / shown once' }),
});

export const TokenRequest = Type.Object({
  grant_type: Type.String(),
  client_id: Type.Optional(Type.String({ maxLength: 64 })),
  client_secret: Type.Optional(Type.String({ maxLength: 128 })),
  scope: Type.Optional(Type.String({ maxLength: 512 })),
});

export const TokenResponse = Type.Object({
  access_token: Type.String(),
  token_type: Type.Literal('Bearer'),
  expires_in: Type.Integer(),
  scope: Type.String(),
});

export const OAuthError = Type.Object({
  error: Type.String(),
  error_description: Type.Optional(Type.String()),
});
