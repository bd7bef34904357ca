import type { InputOf, OperationName, OutputOf, Result } from '../src/api/contract.js';

/** The only thing the preload puts on window: typed from the contract. */
export interface SeimonBridge {
  invoke<K extends OperationName>(op: K, input: InputOf<K>): Promise<Result<OutputOf<K>>>;
}
