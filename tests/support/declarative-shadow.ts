/**
 * Attaches the open shadow roots a saved page declares with `<template shadowrootmode="open">`, as the
 * browser's parser does for a page (a test DOM, like `innerHTML`, leaves them as templates).
 */
export function attachDeclaredShadowRoots(scope: ParentNode): void {
  for (const template of Array.from(scope.querySelectorAll('template[shadowrootmode]'))) {
    const host = template.parentElement;
    if (!host || host.shadowRoot) continue;
    const shadow = host.attachShadow({ mode: 'open' });
    shadow.append((template as HTMLTemplateElement).content);
    template.remove();
    attachDeclaredShadowRoots(shadow);
  }
}
