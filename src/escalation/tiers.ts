import { wordKey } from './phrases';
import type { Rules, Tier } from './schema';
import type { Requester } from '../model/ticket';

interface CompiledTier {
  tier: Tier;
  tags: ReadonlySet<string>;
  /** Whole addresses, lower-cased. */
  emails: ReadonlySet<string>;
  /** Domains without the `@`, lower-cased. */
  domains: readonly string[];
}

const cache = new WeakMap<Rules, readonly CompiledTier[]>();

function compileTiers(rules: Rules): readonly CompiledTier[] {
  let compiled = cache.get(rules);
  if (!compiled) {
    compiled = (rules.tiers ?? []).map((tier) => {
      const patterns = (tier.requesters ?? []).map((pattern) => pattern.trim().toLowerCase());
      return {
        tier,
        tags: new Set((tier.tags ?? []).map(wordKey).filter(Boolean)),
        emails: new Set(patterns.filter((pattern) => !pattern.startsWith('@'))),
        domains: patterns.filter((pattern) => pattern.startsWith('@')).map((pattern) => pattern.slice(1)),
      };
    });
    cache.set(rules, compiled);
  }
  return compiled;
}

/** `@example.com` covers `eu.example.com` too: a customer's subsidiaries write from subdomains. */
function inDomain(email: string, domain: string): boolean {
  const at = email.lastIndexOf('@');
  if (at < 0) return false;
  const host = email.slice(at + 1);
  return host === domain || host.endsWith(`.${domain}`);
}

/** The customer tiers the ticket's requester belongs to, in the rules' order, with what placed them there. */
export function tiersOf(rules: Rules, ticket: { tags: readonly string[]; requester?: Requester }): { tier: Tier; why: string }[] {
  const email = (ticket.requester?.email ?? '').trim().toLowerCase();
  const tags = ticket.tags.map((tag) => ({ tag, key: wordKey(tag) }));
  return compileTiers(rules).flatMap(({ tier, tags: tierTags, emails, domains }) => {
    const tag = tags.find(({ key }) => tierTags.has(key));
    if (tag) return [{ tier, why: `tag "${tag.tag}"` }];
    if (email && (emails.has(email) || domains.some((domain) => inDomain(email, domain)))) return [{ tier, why: 'requester listed' }];
    return [];
  });
}
