'use client';

import { type ConnectionAction, ConnectionButton } from './connection-button';

export type DisconnectAction = ConnectionAction<{ connectionId: string }>;

export function DisconnectButton({ connectionId, label, action }: { connectionId: string; label: string; action: DisconnectAction }) {
  return (
    <ConnectionButton connectionId={connectionId} action={action} ariaLabel={`Disconnect ${label}`} pendingText="Disconnecting…">
      Disconnect
    </ConnectionButton>
  );
}
