// `npm run email:dev`: every template in emails/ rendered with its PreviewProps, HTML and plain text,
// on http://localhost:3030 (or the port given). Reloads templates on each request; no network needed.
import { createServer } from 'node:http';
import { readdirSync } from 'node:fs';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { render } from '@react-email/render';
import { createElement, type FunctionComponent } from 'react';
import { type BookingEmailProps, bookingEmailText } from '../emails/components/booking-email';

type Template = FunctionComponent<Record<string, unknown>> & { PreviewProps?: Record<string, unknown> };

const port = Number(process.argv[2] ?? 3030);
const emailsDir = path.join(process.cwd(), 'emails');
const templateNames = () => readdirSync(emailsDir).filter((file) => file.endsWith('-email.tsx')).map((file) => file.replace(/\.tsx$/, ''));

async function renderTemplate(name: string, plainText: boolean): Promise<string> {
  const loaded = (await import(`${pathToFileURL(path.join(emailsDir, `${name}.tsx`)).href}?t=${Date.now()}`)) as { default: Template } & Record<string, unknown>;
  const props = loaded.default.PreviewProps ?? {};
  if (!plainText) return render(createElement(loaded.default, props));
  // Each template exports its layout (…Layout); the text part is written from it, as lib/notifications does.
  const layout = Object.entries(loaded).find(([key]) => key.endsWith('Layout'))?.[1] as ((data: Record<string, unknown>) => BookingEmailProps) | undefined;
  if (!layout) throw new Error(`${name} exports no …Layout function`);
  return bookingEmailText(layout(props));
}

const escapeHtml = (text: string) => text.replace(/[&<>"]/g, (c) => `&#${c.charCodeAt(0)};`);

createServer(async (request, response) => {
  const url = new URL(request.url ?? '/', `http://localhost:${port}`);
  const name = url.pathname.slice(1).replace(/\.txt$/, '');
  try {
    if (name === '') {
      const links = templateNames().map((t) => `<li><a href="/${t}">${t}</a> · <a href="/${t}.txt">plain text</a></li>`).join('');
      response.writeHead(200, { 'content-type': 'text/html; charset=utf-8' }).end(`<!doctype html><title>Email previews</title><h1>Email previews</h1><ul>${links}</ul>`);
      return;
    }
    if (!templateNames().includes(name)) {
      response.writeHead(404, { 'content-type': 'text/plain' }).end('No such template');
      return;
    }
    const text = url.pathname.endsWith('.txt');
    const body = await renderTemplate(name, text);
    response.writeHead(200, { 'content-type': text ? 'text/plain; charset=utf-8' : 'text/html; charset=utf-8' }).end(body);
  } catch (error) {
    response.writeHead(500, { 'content-type': 'text/html; charset=utf-8' }).end(`<pre>${escapeHtml(String((error as Error).stack ?? error))}</pre>`);
  }
}).listen(port, '127.0.0.1', () => console.log(`[email:dev] previews on http://localhost:${port} (${templateNames().length} templates)`));
