import type { OperationName, OutputOf, ParsedInputOf } from '../contract.js';
import type { CoreContext } from '../../core/context.js';

/** The implementation of one operation. */
export type Handler<K extends OperationName> = (ctx: CoreContext, input: ParsedInputOf<K>) => OutputOf<K> | Promise<OutputOf<K>>;

/** The handlers of one feature: a slice of the full map. */
export type HandlerGroup<K extends OperationName> = { [P in K]: Handler<P> };
