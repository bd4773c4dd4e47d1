import { describe, expect, it } from 'vitest';
import { silenceSdkNodeWarning } from '../src/node-support.js';

describe('silenceSdkNodeWarning', () => {
  it("turns the SDK warning off on Node 20 only, and never over the user's choice", () => {
    const on20: NodeJS.ProcessEnv = {};
    silenceSdkNodeWarning(on20, '20.20.2');
    expect(on20.AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED).toBe('true');

    const on22: NodeJS.ProcessEnv = {};
    silenceSdkNodeWarning(on22, '22.11.0');
    expect(on22.AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED).toBeUndefined();

    const chosen: NodeJS.ProcessEnv = { AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED: 'false' };
    silenceSdkNodeWarning(chosen, '20.20.2');
    expect(chosen.AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED).toBe('false');
  });
});
