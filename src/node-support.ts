/**
 * The AWS SDK prints an eight-line warning on every first call under Node.js 20 (its releases after early January
 * 2027 need Node 22 or later). Lambda runs this bot on Node 22/24, where the warning never appears; on a Node 20
 * workstation it would bury the on-call answer, so the local entry points turn it off unless the user chose.
 */
export function silenceSdkNodeWarning(env: NodeJS.ProcessEnv, nodeVersion = process.versions.node): void {
  const major = Number(nodeVersion.split('.')[0]);
  if (major < 22) env.AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED ??= 'true';
}
