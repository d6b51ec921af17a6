// Keystone's stored records (identity, assignments, application credentials, issued tokens).
export interface Domain { id: string; name: string; description: string; enabled: boolean }
export interface Project { id: string; name: string; domainId: string; description: string; enabled: boolean }
export interface User {
  id: string; name: string; domainId: string; enabled: boolean;
  /** sha256(salt + password); the sandbox never stores clear passwords */
  passwordHash: string; salt: string;
  defaultProjectId: string | null;
}
export interface Role { id: string; name: string; /** roles this one implies (admin -> member -> reader) */ implies: string[] }
export interface Assignment { userId: string; projectId: string; roleId: string }
export interface AppCredential {
  id: string; name: string; description: string | null; userId: string; projectId: string;
  secretHash: string; salt: string; roleIds: string[]; expiresAt: number | null; unrestricted: boolean;
}
export interface TokenRecord {
  /** the opaque token string itself */
  id: string;
  userId: string;
  projectId: string | null;
  methods: string[];
  roleIds: string[];
  issuedAt: number;
  expiresAt: number;
  auditId: string;
  appCredentialId: string | null;
}
export interface KeystoneState {
  domains: Domain[];
  projects: Project[];
  users: User[];
  roles: Role[];
  assignments: Assignment[];
  appCredentials: AppCredential[];
  tokens: Record<string, TokenRecord>;
}
