// The sandbox cloud's whole state: one typed object, persisted as one JSON file (see store.ts).
import type { KeystoneState } from './keystone/model';
import type { CloudState } from './cloud/model';
import type { HeatState } from './heat/model';
import type { FaultSettings } from './faults';

export interface SandboxState {
  schemaVersion: 1;
  keystone: KeystoneState;
  cloud: CloudState;
  heat: HeatState;
  faults: FaultSettings;
}
