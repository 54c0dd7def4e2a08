// The look of the short single-action messages to a host (calendar reconnect, account links).

export const page = { backgroundColor: '#f6f7f9', fontFamily: 'Inter, Segoe UI, Helvetica, Arial, sans-serif', color: '#111827' };
export const card = { backgroundColor: '#ffffff', borderRadius: '8px', margin: '32px auto', maxWidth: '560px', padding: '32px' };
export const text = { fontSize: '15px', lineHeight: '22px' };
export const button = { backgroundColor: '#1d4ed8', borderRadius: '6px', color: '#ffffff', fontSize: '14px', padding: '10px 16px' };
