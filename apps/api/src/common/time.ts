/** Instants leave the API in Qingdao's time (UTC+08:00, no daylight saving), as the contract's examples do. */
const SHANGHAI_OFFSET_MINUTES = 8 * 60;

export function toShanghaiIso(instant: Date): string {
  const shifted = new Date(instant.getTime() + SHANGHAI_OFFSET_MINUTES * 60_000);
  return `${shifted.toISOString().slice(0, 19)}+08:00`;
}
