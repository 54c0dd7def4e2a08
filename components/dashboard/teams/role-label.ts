import type { TeamRole } from '@/lib/hosts/teams/schemas';

export const roleLabel: Record<TeamRole, string> = { owner: 'Owner', admin: 'Admin', member: 'Member' };
