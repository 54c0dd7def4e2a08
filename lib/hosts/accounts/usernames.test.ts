import { describe, expect, it } from 'vitest';
import { usernameBase, usernameField } from './usernames';

describe('usernameBase', () => {
  it('always gives a valid username, also when the cut lands on a separator', () => {
    for (const email of [`${'a'.repeat(47)}.bob@example.test`, 'Ann.Lee+work@Example.com', 'x@example.test', '---@example.test', 'dashboard@example.test']) {
      expect(usernameField.safeParse(usernameBase(email)).success, email).toBe(true);
    }
  });
});
