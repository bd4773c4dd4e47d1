/**
 * An approval the worker can check for itself. The Slack function seals an approval when it records it: an HMAC,
 * with a key the table does not hold, over what was approved (the request id, requester, parameters and account),
 * who approved it and the record's version at approval. Before any EC2 write the worker recomputes the seal and
 * asks the approver port again: a record written straight to the table (state `approved`, any approver) carries
 * no valid seal, so nothing is created for it.
 */
import { createHmac, timingSafeEqual } from 'node:crypto';
import { canonicalJson as canonical, type ApprovalSeal, type EndpointRequest } from './model.js';

export type { ApprovalSeal } from './model.js';

/** Why an approval does not verify; each is a sentence in the catalogs (`approvalRefused`). */
export type ApprovalProblem = 'unsealed' | 'forged' | 'requester' | 'not-approver' | 'no-key';

type Sealed = Pick<EndpointRequest, 'id' | 'requester' | 'params' | 'account' | 'accountId'>;

function mac(key: string, request: Sealed, by: string, version: number): string {
  const content = canonical({
    v: 1,
    id: request.id,
    requester: request.requester,
    params: request.params,
    account: request.account ?? '',
    accountId: request.accountId ?? '',
    by,
    version,
  });
  return createHmac('sha256', key).update(content).digest('hex');
}

/** The seal for `by` approving `request`, whose version once approved is `version`. */
export function sealApproval(key: string, request: Sealed, by: string, version: number): ApprovalSeal {
  return { by, version, mac: mac(key, request, by, version) };
}

/**
 * Whether the record's approval is one the Slack function sealed for this very content, by an approver who is not
 * the requester. `isApprover` asks the approver set now (APPROVER_USER_IDS, APPROVER_USERGROUP_ID).
 */
export async function checkApproval(
  key: string | undefined,
  request: EndpointRequest,
  isApprover: (user: string) => Promise<boolean>,
): Promise<ApprovalProblem | undefined> {
  if (!key) return 'no-key';
  const seal = request.approval;
  if (!seal || typeof seal.mac !== 'string' || typeof seal.by !== 'string' || !Number.isInteger(seal.version)) return 'unsealed';
  const approvedAt = request.history.find((h) => h.state === 'approved');
  if (seal.by !== request.decidedBy || !approvedAt || approvedAt.actor !== seal.by) return 'forged';
  const expected = Buffer.from(mac(key, request, seal.by, seal.version), 'hex');
  const given = Buffer.from(seal.mac, 'hex');
  if (given.length !== expected.length || !timingSafeEqual(given, expected)) return 'forged';
  if (seal.by === request.requester) return 'requester';
  if (!(await isApprover(seal.by))) return 'not-approver';
  return undefined;
}
