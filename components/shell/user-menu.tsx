'use client';
import { signOut } from 'next-auth/react';
import { Menu } from '@/components/ui/menu';
import type { SessionIdentity } from '@/lib/client/session';

export function UserMenu({ identity }: { identity: SessionIdentity }) {
  return (
    <Menu label="User menu" buttonLabel={<span data-testid="current-user">{identity.userName}</span>}>
      {() => (
        <>
          <div className="menu-item muted" aria-hidden>
            Roles: {identity.roles.join(', ') || 'none'}
          </div>
          <button className="menu-item" role="menuitem" onClick={() => signOut({ callbackUrl: '/login' })}>
            Sign out
          </button>
        </>
      )}
    </Menu>
  );
}
