import { getServerSession } from 'next-auth';
import { redirect } from 'next/navigation';
import { Shell } from '@/components/shell/shell';
import type { SessionIdentity } from '@/lib/client/session';
import { authOptions } from '@/lib/server/auth/options';

export const dynamic = 'force-dynamic';

export default async function DashboardLayout({ children }: { children: React.ReactNode }) {
  const session = await getServerSession(authOptions());
  const identity = (session as unknown as { identity?: SessionIdentity } | null)?.identity;
  if (!identity || Date.parse(identity.expiresAt) <= Date.now()) redirect('/login');
  return <Shell identity={identity}>{children}</Shell>;
}
