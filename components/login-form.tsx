'use client';
import { signIn } from 'next-auth/react';
import { useRouter, useSearchParams } from 'next/navigation';
import { Suspense, useState } from 'react';

function Form({ defaultDomain }: { defaultDomain: string }) {
  const router = useRouter();
  const search = useSearchParams();
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  async function onSubmit(e: React.FormEvent<HTMLFormElement>) {
    e.preventDefault();
    const form = new FormData(e.currentTarget);
    setBusy(true);
    setError(null);
    const result = await signIn('keystone', {
      redirect: false,
      domain: String(form.get('domain') ?? ''),
      username: String(form.get('username') ?? ''),
      password: String(form.get('password') ?? ''),
    });
    setBusy(false);
    if (!result || result.error) {
      setError('Invalid credentials, or Keystone is unreachable. Check the domain, user name and password.');
      return;
    }
    const back = search.get('callbackUrl');
    router.replace(back && back.startsWith('/') && !back.startsWith('//') ? back : '/');
    router.refresh();
  }

  return (
    <form className="card login-card" onSubmit={onSubmit} aria-labelledby="login-title">
      <div className="brand" style={{ marginBottom: 16 }}>
        <span className="brand-mark" aria-hidden /> Trellis
      </div>
      <h1 id="login-title">Sign in</h1>
      {error && (
        <div className="alert alert-error" role="alert">
          {error}
        </div>
      )}
      <div className="field">
        <label htmlFor="domain">Domain</label>
        <input id="domain" name="domain" defaultValue={defaultDomain} autoComplete="off" required />
      </div>
      <div className="field">
        <label htmlFor="username">User name</label>
        <input id="username" name="username" autoComplete="username" required autoFocus />
      </div>
      <div className="field">
        <label htmlFor="password">Password</label>
        <input id="password" name="password" type="password" autoComplete="current-password" required />
      </div>
      <button className="btn btn-primary" type="submit" disabled={busy} style={{ width: '100%', justifyContent: 'center' }}>
        {busy ? 'Signing in…' : 'Sign in'}
      </button>
      <p className="field-hint" style={{ marginTop: 12 }}>
        Your OpenStack (Keystone) credentials.
      </p>
    </form>
  );
}

export function LoginForm(props: { defaultDomain: string }) {
  return (
    <Suspense>
      <Form {...props} />
    </Suspense>
  );
}
