// The VIM as the browser receives it from /v1.0/vims (Tacker's shape; the password is "***").
export type { VimView } from '@/lib/server/vims/attributes';
