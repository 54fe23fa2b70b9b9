import type { Adapter } from './types';

/**
 * Self-hosted helpdesks, recognised by the page itself on hosts the user or the build allows. Kept apart from
 * the registry so entrypoints/self-hosted.content.ts carries these adapters and no others.
 */
export const SELF_HOSTED_ADAPTERS: readonly Adapter[] = [];
