import { freescout } from './freescout';
import { osticket } from './osticket';
import { rt } from './rt';
import type { Adapter } from './types';
import { zammad } from './zammad';

/**
 * Self-hosted helpdesks, recognised by the page itself on hosts the user or the build allows. Kept apart from
 * the registry so entrypoints/self-hosted.content.ts carries these adapters and no others. Their signatures
 * exclude one another, so the order only decides which is asked first.
 */
export const SELF_HOSTED_ADAPTERS: readonly Adapter[] = [rt, zammad, freescout, osticket];
