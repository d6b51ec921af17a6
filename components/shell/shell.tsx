'use client';
import Link from 'next/link';
import { usePathname } from 'next/navigation';
import type { SessionIdentity } from '@/lib/client/session';
import { ProjectSwitcher } from './project-switcher';
import { ThemeToggle } from './theme-toggle';
import { UserMenu } from './user-menu';

interface NavItem { href: string; label: string }

const NFV_NAV: NavItem[] = [
  { href: '/vims', label: 'VIM Management' },
  { href: '/vnfds', label: 'VNF Catalog' },
  { href: '/vnfs', label: 'VNF Manager' },
  { href: '/events', label: 'Events' },
];
const ADMIN_NAV: NavItem[] = [{ href: '/admin/policy', label: 'Policy' }];
const HELP_NAV: NavItem[] = [{ href: '/api-reference', label: 'API reference' }];

export function Shell({ identity, children }: { identity: SessionIdentity; children: React.ReactNode }) {
  const pathname = usePathname();
  const isCurrent = (href: string) => pathname === href || pathname.startsWith(`${href}/`);
  const group = (title: string, items: NavItem[]) => (
    <div className="nav-group" role="group" aria-label={title}>
      <div className="nav-group-title">{title}</div>
      {items.map((item) => (
        <Link key={item.href} href={item.href} className="nav-link" aria-current={isCurrent(item.href) ? 'page' : undefined}>
          {item.label}
        </Link>
      ))}
    </div>
  );
  return (
    <div className="shell">
      <header className="shell-header">
        <Link href="/" className="brand" aria-label="Trellis overview">
          <span className="brand-mark" aria-hidden /> Trellis
        </Link>
        <ProjectSwitcher identity={identity} />
        <div className="header-spacer" />
        <ThemeToggle />
        <UserMenu identity={identity} />
      </header>
      <nav className="shell-nav" aria-label="Main">
        {group('Project', [{ href: '/', label: 'Overview' }])}
        {group('NFV', NFV_NAV)}
        {identity.isAdmin && group('Admin', ADMIN_NAV)}
        {group('Help', HELP_NAV)}
      </nav>
      <main className="shell-main" id="main">
        {children}
      </main>
    </div>
  );
}
