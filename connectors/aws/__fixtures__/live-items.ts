import { DEFAULT_CONVENTIONS } from "../transform/conventions";

/*
 * Items as the live listings build them (SDK output JSON round-tripped, plus the listing's
 * context), for transform and harness tests. The values follow AWS's documented examples.
 */

export const ACCOUNT = "123456789012";
export const OBSERVED_AT = "2025-02-06T12:00:00.000Z";
export const liveContext = { observedAt: OBSERVED_AT, accountId: ACCOUNT, environment: "prod", conventions: DEFAULT_CONVENTIONS };

/** Fake secrets planted where a careless export could carry one; none may reach a record. */
export const SECRET_ACCESS_KEY_CANARY = "wJalrXUtnFEMI/K7MDENG/bPxRfiCYCANARY0001";
export const SECRET_STRING_CANARY = "kw-canary-secret-string-0123456789abcdef";

const adminEverything = encodeURIComponent(JSON.stringify({ Version: "2012-10-17", Statement: [{ Effect: "Allow", Action: "*", Resource: "*" }] }));

export const liveUser = {
  User: {
    Path: "/",
    UserName: "terraform-ci",
    UserId: "AIDA4EXAMPLETERRAFRM",
    Arn: `arn:aws:iam::${ACCOUNT}:user/terraform-ci`,
    CreateDate: "2022-04-01T10:00:00.000Z",
  },
  Tags: [
    { Key: "Owner", Value: "Dmitri.Volkov@example.com" },
    { Key: "Environment", Value: "staging" },
  ],
  LoginProfile: null,
  MFADevices: [],
  Policies: {
    attached: [{ PolicyName: "ReadOnlyAccess", PolicyArn: "arn:aws:iam::aws:policy/ReadOnlyAccess" }],
    inline: [{ PolicyName: "everything", PolicyDocument: adminEverything }],
  },
  keyward: liveContext,
};

export const liveHumanUser = {
  User: {
    Path: "/people/",
    UserName: "jane",
    UserId: "AIDA4EXAMPLEJANE0001",
    Arn: `arn:aws:iam::${ACCOUNT}:user/people/jane`,
    CreateDate: "2020-01-01T00:00:00.000Z",
    PasswordLastUsed: "2025-02-05T08:00:00.000Z",
  },
  Tags: [],
  LoginProfile: { CreateDate: "2020-01-01T00:00:00.000Z", PasswordResetRequired: false },
  MFADevices: [{ SerialNumber: `arn:aws:iam::${ACCOUNT}:mfa/jane`, EnableDate: "2020-01-02T00:00:00.000Z" }],
  Policies: { attached: [], inline: [] },
  keyward: liveContext,
};

export const liveKeyNeverUsed = {
  UserName: "terraform-ci",
  AccessKeyId: "AKIA4EXAMPLETFCI0001",
  Status: "Active",
  CreateDate: "2024-12-01T00:00:00.000Z",
  AccessKeyLastUsed: { ServiceName: "N/A", Region: "N/A" },
  keyward: liveContext,
};

export const liveKeyUsed = {
  UserName: "terraform-ci",
  AccessKeyId: "AKIA4EXAMPLETFCI0002",
  Status: "Active",
  CreateDate: "2023-01-01T00:00:00.000Z",
  AccessKeyLastUsed: { LastUsedDate: "2025-02-04T11:27:00.000Z", ServiceName: "s3", Region: "eu-west-1" },
  // Someone saved `create-access-key` output into the listing: the value must be dropped.
  SecretAccessKey: SECRET_ACCESS_KEY_CANARY,
  keyward: liveContext,
};

export const liveRole = {
  Path: "/",
  RoleName: "orders-worker",
  RoleId: "AROA4EXAMPLEORDERS01",
  Arn: `arn:aws:iam::${ACCOUNT}:role/orders-worker`,
  CreateDate: "2023-03-03T00:00:00.000Z",
  AssumeRolePolicyDocument: encodeURIComponent(
    JSON.stringify({ Version: "2012-10-17", Statement: [{ Effect: "Allow", Principal: { Service: "lambda.amazonaws.com" }, Action: "sts:AssumeRole" }] }),
  ),
  MaxSessionDuration: 3600,
  RoleLastUsed: { LastUsedDate: "2025-02-06T01:00:00.000Z", Region: "us-east-1" },
  Tags: [{ Key: "team", Value: "orders" }],
  Policies: {
    attached: [
      {
        PolicyName: "orders-table-access",
        PolicyArn: `arn:aws:iam::${ACCOUNT}:policy/orders-table-access`,
        Document: encodeURIComponent(
          JSON.stringify({ Version: "2012-10-17", Statement: [{ Effect: "Allow", Action: ["dynamodb:GetItem", "dynamodb:PutItem"], Resource: "*" }] }),
        ),
      },
    ],
    inline: [],
  },
  keyward: liveContext,
};

export const liveSecret = {
  ARN: `arn:aws:secretsmanager:us-east-1:${ACCOUNT}:secret:prod/orders/stripe-Ab12Cd`,
  Name: "prod/orders/stripe",
  RotationEnabled: false,
  LastChangedDate: "2024-01-01T00:00:00.000Z",
  CreatedDate: "2024-01-01T00:00:00.000Z",
  Tags: [],
  // As if `batch-get-secret-value` output were saved in place of list-secrets: must be dropped.
  SecretString: SECRET_STRING_CANARY,
  keyward: { ...liveContext, region: "us-east-1" },
};

export const liveCertificate = {
  CertificateArn: `arn:aws:acm:us-east-1:${ACCOUNT}:certificate/0a1b2c3d-4e5f-4a6b-8c7d-9e0f1a2b3c4d`,
  DomainName: "shop.example.com",
  SubjectAlternativeNames: ["shop.example.com"],
  Status: "ISSUED",
  Type: "AMAZON_ISSUED",
  KeyAlgorithm: "RSA-2048",
  SignatureAlgorithm: "SHA256WITHRSA",
  Issuer: "Amazon",
  Serial: "0c:aa:11",
  InUseBy: [`arn:aws:cloudfront::${ACCOUNT}:distribution/E2QWRUHEXAMPLE`],
  NotBefore: "2024-06-01T00:00:00.000Z",
  NotAfter: "2025-01-31T23:59:59.000Z",
  IssuedAt: "2024-06-01T00:05:00.000Z",
  keyward: { ...liveContext, region: "us-east-1" },
};
