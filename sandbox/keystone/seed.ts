// First-start identity data: domain Default, projects admin/demo, users admin/demo.
// Passwords default to the user names (admin/admin, demo/demo) so a laptop user can guess them;
// SANDBOX_ADMIN_PASSWORD / SANDBOX_DEMO_PASSWORD override them (the real rig uses "adminpass").
import { hexId, sha256 } from '../util';
import type { KeystoneState, User } from './model';

export function passwordRecord(password: string): Pick<User, 'passwordHash' | 'salt'> {
  const salt = hexId();
  return { salt, passwordHash: sha256(salt + password) };
}

export function seedKeystone(env: NodeJS.ProcessEnv = process.env): KeystoneState {
  const adminProject = { id: hexId(), name: 'admin', domainId: 'default', description: 'Bootstrap project for initializing the cloud.', enabled: true };
  const demoProject = { id: hexId(), name: 'demo', domainId: 'default', description: 'Demo project', enabled: true };
  const reader = { id: hexId(), name: 'reader', implies: [] as string[] };
  const member = { id: hexId(), name: 'member', implies: [reader.id] };
  const admin = { id: hexId(), name: 'admin', implies: [member.id] };
  const adminUser: User = {
    id: hexId(), name: 'admin', domainId: 'default', enabled: true, defaultProjectId: adminProject.id,
    ...passwordRecord(env.SANDBOX_ADMIN_PASSWORD ?? 'admin'),
  };
  const demoUser: User = {
    id: hexId(), name: 'demo', domainId: 'default', enabled: true, defaultProjectId: demoProject.id,
    ...passwordRecord(env.SANDBOX_DEMO_PASSWORD ?? 'demo'),
  };
  return {
    domains: [{ id: 'default', name: 'Default', description: 'The default domain', enabled: true }],
    projects: [adminProject, demoProject],
    users: [adminUser, demoUser],
    roles: [admin, member, reader],
    assignments: [
      { userId: adminUser.id, projectId: adminProject.id, roleId: admin.id },
      { userId: adminUser.id, projectId: demoProject.id, roleId: admin.id },
      { userId: demoUser.id, projectId: demoProject.id, roleId: member.id },
    ],
    appCredentials: [],
    tokens: {},
  };
}
