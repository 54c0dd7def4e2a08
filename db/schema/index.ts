export * from './availability';
export * from './bookings';
export * from './calendars';
export * from './meeting-types';
export * from './notifications';
export * from './onboarding';
export * from './outbox';
export * from './users';
