import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

/**
 * A throwaway self-signed certificate for the demo server. Some helpdesk hosts (app.hubspot.com,
 * app.intercom.com) are on Chromium's HSTS preload list: the browser reaches them over https only, so the
 * demo must speak TLS under their names. Chromium is started with --ignore-certificate-errors.
 */
export function demoCertificate(): { key: Buffer; cert: Buffer } {
  const dir = mkdtempSync(join(tmpdir(), 'deskmate-tls-'));
  try {
    const key = join(dir, 'key.pem');
    const cert = join(dir, 'cert.pem');
    execFileSync('openssl', ['req', '-x509', '-newkey', 'rsa:2048', '-nodes', '-keyout', key, '-out', cert, '-days', '2', '-subj', '/CN=deskmate-demo'], {
      stdio: 'ignore',
    });
    return { key: readFileSync(key), cert: readFileSync(cert) };
  } catch (error) {
    throw new Error(`openssl could not make the demo's TLS certificate (sudo apt-get install openssl): ${String(error)}`);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
