import { pathPattern } from '../adapters/read';
import type { PageState } from '../model/ticket';

// A class name as code writes it; anything else in `name` is not vouched for.
const ERROR_NAME = /^[A-Za-z_$][\w$.]{0,59}$/;
// The file, line and column at the end of a stack frame: V8's `at f (url:1:2)` and Firefox's `f@url:1:2`.
const FRAME = /^\s*(?:at\s.*|[^@\s]*@.*)\/([^/\s()]+:\d+:\d+)\)?\s*$/;

function errorName(error: unknown): string {
  if (!(error instanceof Error)) return `thrown ${error === null ? 'null' : typeof error}`;
  return ERROR_NAME.test(error.name) ? error.name : 'Error';
}

/**
 * The bundle file, line and column the error was thrown from. V8 starts a stack with the error's name and
 * message, and a message can span lines: those are cut off first, so that no frame is read from the message.
 */
function errorLocation(error: unknown): string | undefined {
  if (!(error instanceof Error) || typeof error.stack !== 'string') return undefined;
  const heading = error.message ? `${error.name}: ${error.message}` : error.name;
  const frames = error.stack.startsWith(heading) ? error.stack.slice(heading.length) : error.stack;
  for (const line of frames.split('\n')) {
    const frame = FRAME.exec(line)?.[1];
    if (frame) return frame;
  }
  return undefined;
}

function helpdeskOf(page: PageState): string | undefined {
  return page.state === 'ready' ? page.ticket.helpdesk : page.helpdesk;
}

function routeOf(page: PageState): string | undefined {
  if (page.state !== 'ready') return undefined;
  try {
    return pathPattern(new URL(page.ticket.url));
  } catch {
    return undefined;
  }
}

/**
 * The copyable diagnostic of a sidebar that failed to render. An error's message can quote ticket text (a
 * value a parser choked on, a field a lookup missed), so the diagnostic holds only what locates the fault:
 * the error's name, where in the bundle it was thrown, the helpdesk and the page's route with its ids masked.
 */
export function renderDiagnostic(error: unknown, page: PageState): string {
  const location = errorLocation(error);
  const helpdesk = helpdeskOf(page);
  const route = routeOf(page);
  return [
    `sidebar error: ${errorName(error)}`,
    ...(location ? [`at: ${location}`] : []),
    ...(helpdesk ? [`helpdesk: ${helpdesk}`] : []),
    ...(route ? [`path: ${route}`] : []),
    `page state: ${page.state}`,
  ].join('\n');
}
