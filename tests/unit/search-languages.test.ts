import { describe, expect, it } from 'vitest';
import type { Article } from '../../src/model/article';
import { buildIndex, suggestForTicket } from '../../src/search/engine';
import { processTerm } from '../../src/text/analyze';

/**
 * Spanish, French, German and Portuguese articles go through the same Latin-script analysis as English
 * (Porter2 stemming, the English stop list, accents folded). That must not hurt them: plural endings fold
 * the way they do in English, accents typed or not meet, and no content word is lost or merged with another.
 */
const articles: Article[] = [
  { id: 'es-refund', locale: 'es', title: 'Solicitar un reembolso', body: 'Puedes pedir el reembolso de un pago en los primeros 30 días desde Facturación.', tags: [] },
  { id: 'es-password', locale: 'es', title: 'Restablecer la contraseña', body: 'Usa el enlace «¿Olvidaste tu contraseña?» en la página de inicio de sesión.', tags: [] },
  { id: 'fr-invoices', locale: 'fr', title: 'Télécharger vos factures', body: 'Les factures sont disponibles au format PDF dans Paramètres, onglet Facturation.', tags: [] },
  { id: 'fr-delete', locale: 'fr', title: 'Supprimer votre compte', body: 'Un propriétaire peut supprimer le compte depuis Paramètres. Les données sont effacées après 30 jours.', tags: [] },
  { id: 'de-refund', locale: 'de', title: 'Rückerstattung beantragen', body: 'Eine Rückerstattung für Zahlungen der letzten 30 Tage beantragen Sie unter Abrechnung.', tags: [] },
  { id: 'de-2fa', locale: 'de', title: 'Zwei-Faktor-Authentifizierung einrichten', body: 'Öffnen Sie Profil und Sicherheit und scannen Sie den QR-Code mit Ihrer Authenticator-App.', tags: [] },
  { id: 'pt-card', locale: 'pt', title: 'Cartão recusado', body: 'Se o seu cartão foi recusado, verifique o limite e a data de validade.', tags: [] },
  { id: 'pt-export', locale: 'pt', title: 'Exportar dados', body: 'Os administradores podem exportar os dados do espaço de trabalho em CSV.', tags: [] },
  { id: 'en-refund', locale: 'en', title: 'Request a refund', body: 'Ask for a refund of a payment within 30 days from Billing.', tags: [] },
  { id: 'en-export', locale: 'en', title: 'Export your data', body: 'Admins can export workspace data as CSV.', tags: [] },
];

const index = buildIndex(articles);
const best = (text: string) => suggestForTicket(index, { subject: '', latestMessage: text, thread: text })[0]?.id;

describe('Latin-script languages other than English', () => {
  it('find their articles from natural questions, with or without accents', () => {
    expect(best('¿Cómo pido los reembolsos de mis pagos?')).toBe('es-refund');
    expect(best('olvide mi contrasena')).toBe('es-password');
    expect(best('où télécharger la facture de mars')).toBe('fr-invoices');
    expect(best('je veux supprimer mon compte')).toBe('fr-delete');
    expect(best('Ruckerstattung meiner Zahlung')).toBe('de-refund');
    expect(best('Wie richte ich die Zwei-Faktor-Authentifizierung ein?')).toBe('de-2fa');
    expect(best('meus cartões foram recusados')).toBe('pt-card');
    expect(best('como exportar os dados')).toBe('pt-export');
  });

  it('fold plurals and accents the way English rules do, without merging different words', () => {
    expect(processTerm('facturas')).toBe(processTerm('factura'));
    expect(processTerm('contraseña')).toBe(processTerm('contrasena'));
    expect(processTerm('recusados')).toBe(processTerm('recusado'));
    expect(processTerm('pago')).not.toBe(processTerm('página'));
    expect(processTerm('compte')).not.toBe(processTerm('compta'));
  });

  it('keep their content words: the English stop list drops none of them', () => {
    for (const word of ['reembolso', 'contraseña', 'facture', 'compte', 'supprimer', 'konto', 'rückerstattung', 'cartão', 'dados']) {
      expect(processTerm(word)).toBeTruthy();
    }
  });
});
