import {input} from "./input.ts";
import {now} from "./now.ts";
import {observe, queue} from "./observe.ts";
import {width} from "./width.ts";

/** The `Generators` builtin: helpers that turn events into cell values. */
export const Generators = {input, now, observe, queue, width};
