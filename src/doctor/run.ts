/** The `doctor` use case: region, then the EC2 reads (gather), then the pure evaluation. */
import type { DoctorCommand } from '../commands/parse.js';
import type { Ec2Api } from '../endpoints/ec2-api.js';
import { resolveRegion, type RegionPolicy } from '../endpoints/lookups.js';
import { evaluate } from './evaluate.js';
import { gather } from './gather.js';
import type { DoctorOutcome } from './model.js';

export async function runDoctor(command: DoctorCommand, ec2: Ec2Api, policy: RegionPolicy, signal?: AbortSignal): Promise<DoctorOutcome> {
  const resolved = resolveRegion(command.region, policy);
  if ('code' in resolved) return { kind: 'problem', problem: resolved };
  const gathered = await gather(ec2, resolved.region, command, signal);
  if ('problem' in gathered) return { kind: 'problem', problem: gathered.problem };
  return { kind: 'report', report: evaluate(gathered.facts) };
}
