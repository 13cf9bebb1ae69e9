import 'server-only';
import { headers } from 'next/headers';

export interface RequestInfo {
  /** The client address: the right-most X-Forwarded-For entry (set by the nearest proxy or by Next itself). */
  ip: string;
  userAgent: string | null;
  /** Whether the browser reached us over HTTPS (directly or through a TLS-terminating proxy). */
  https: boolean;
}

/** Who is asking, from the request headers of the current action or page. */
export async function requestInfo(): Promise<RequestInfo> {
  const h = await headers();
  const forwarded = (h.get('x-forwarded-for') ?? '').split(',').map((s) => s.trim()).filter(Boolean);
  const ip = forwarded.at(-1) ?? h.get('x-real-ip') ?? 'unknown';
  const proto = (h.get('x-forwarded-proto') ?? '').split(',')[0]?.trim();
  return {
    ip: ip.slice(0, 64),
    userAgent: h.get('user-agent')?.slice(0, 512) ?? null,
    https: proto === 'https' || (h.get('origin') ?? '').startsWith('https://'),
  };
}
