// What the browser knows about the signed-in user (never the Keystone token).
export interface SessionIdentity {
  userId: string;
  userName: string;
  projectId: string;
  projectName: string;
  roles: string[];
  isAdmin: boolean;
  expiresAt: string;
}
