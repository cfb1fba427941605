import { describe, expect, it } from 'vitest';
import { ConfigError, readConfig } from '../../src/server/config.js';

const local = (env: Record<string, string>) => {
  const config = readConfig({ PB_MODE: 'local', ...env });
  if (config.mode !== 'local') throw new Error('expected local mode');
  return config;
};

describe('PB_EMULATOR_RU_BUDGET', () => {
  it('sets the RU a minute the local emulator allows; unset or "off" meters nothing', () => {
    expect(local({ PB_EMULATOR_RU_BUDGET: '3750' }).emulatorRuBudget).toBe(3750);
    expect(local({}).emulatorRuBudget).toBeUndefined();
    expect(local({ PB_EMULATOR_RU_BUDGET: 'off' }).emulatorRuBudget).toBeUndefined();
  });

  it('refuses anything but a whole positive number or "off", naming the variable', () => {
    for (const bad of ['0', '-5', '12.5', 'lots']) {
      expect(() => local({ PB_EMULATOR_RU_BUDGET: bad })).toThrow(ConfigError);
      expect(() => local({ PB_EMULATOR_RU_BUDGET: bad })).toThrow(/PB_EMULATOR_RU_BUDGET/);
    }
  });
});
