/** The first of `count` consecutive free ports on 127.0.0.1, below the range used for outgoing connections. */
export function freePortBlock(count: number): Promise<number>;
