import { LoginForm } from '@/components/login-form';
import { config } from '@/lib/server/config';

export const dynamic = 'force-dynamic';

export default function LoginPage() {
  return (
    <main className="login-wrap">
      <LoginForm defaultDomain={config.defaultDomain} />
    </main>
  );
}
