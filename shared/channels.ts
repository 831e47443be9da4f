// IPC channel and event names, kept free of zod and the catalogue so that the sandboxed preload,
// which needs only these, stays a few kilobytes. shared/api.ts checks that they match the contract.
export const CHANNELS = { call: 'cordon:call', event: 'cordon:event' } as const;
export const EVENT_NAMES = ['progress', 'locked', 'closed'] as const;
export type EventNameConst = (typeof EVENT_NAMES)[number];
