/**
 * On Lambda the Slack secrets live in SSM Parameter Store (SecureString), named by *_PARAMETER variables, and are
 * read once per container. Nothing secret is in the deployment package or the function's configuration.
 */
type Env = Record<string, string | undefined>;

const SECRET_PARAMETERS: Record<string, string> = {
  SLACK_SIGNING_SECRET: 'SLACK_SIGNING_SECRET_PARAMETER',
  SLACK_BOT_TOKEN: 'SLACK_BOT_TOKEN_PARAMETER',
  APPROVAL_KEY: 'APPROVAL_KEY_PARAMETER',
};

export type ParameterReader = (names: string[]) => Promise<Record<string, string>>;

export const ssmParameters: ParameterReader = async (names) => {
  const sdk = await import('./sdk/ssm.js');
  const client = new sdk.SSMClient({ maxAttempts: 3 });
  const result = await client.send(new sdk.GetParametersCommand({ Names: names, WithDecryption: true }));
  if (result.InvalidParameters?.length) {
    throw new Error(`SSM parameters not found: ${result.InvalidParameters.join(', ')} (docs/operations.md, "Deploy to AWS", step 2 creates them)`);
  }
  return Object.fromEntries((result.Parameters ?? []).map((p) => [p.Name ?? '', p.Value ?? '']));
};

/** The environment with each secret filled in from its parameter, when the secret itself is not set. */
export async function withSecrets(env: Env, read: ParameterReader = ssmParameters): Promise<Env> {
  const wanted = Object.entries(SECRET_PARAMETERS).filter(([secret, parameter]) => !env[secret] && env[parameter]);
  if (wanted.length === 0) return env;
  const values = await read(wanted.map(([, parameter]) => env[parameter]!));
  return { ...env, ...Object.fromEntries(wanted.map(([secret, parameter]) => [secret, values[env[parameter]!]])) };
}

/**
 * The local approval key (npm start without APPROVAL_KEY): 32 random bytes kept in DATA_DIR/approval.key, readable
 * by its owner only, made once. Two processes starting together keep the one written first.
 */
export async function localApprovalKey(dataDir: string): Promise<string> {
  const { link, mkdir, readFile, rm, writeFile } = await import('node:fs/promises');
  const { join } = await import('node:path');
  const { randomBytes, randomUUID } = await import('node:crypto');
  const file = join(dataDir, 'approval.key');
  await mkdir(dataDir, { recursive: true });
  // Written whole to a file of its own, then linked in place: a reader never sees a half-written key.
  const draft = join(dataDir, `.approval.key.${randomUUID()}`);
  await writeFile(draft, randomBytes(32).toString('hex'), { flag: 'wx', mode: 0o600 });
  try {
    await link(draft, file);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
  } finally {
    await rm(draft, { force: true });
  }
  const key = (await readFile(file, 'utf8')).trim();
  if (key.length < 32) throw new Error(`${file} holds no approval key (expected 64 hex characters); delete it to have one made`);
  return key;
}
