/**
 * The Electron fuses a packaged Timeline Desk ships with, by their @electron/fuses names.
 * electron-builder flips them from `electronFuses` in electron-builder.json (camelCase keys);
 * scripts/electron-builder-config.test.ts holds that config to this table, so change both.
 */
import { FuseV1Options } from '@electron/fuses';
import type { Configuration } from 'electron-builder';

/** A key of electron-builder's `electronFuses` that names a fuse (not a signing option). */
export type BuilderFuseKey = Exclude<
  keyof NonNullable<Configuration['electronFuses']>,
  'resetAdHocDarwinSignature'
>;

export interface PackagedFuse {
  readonly fuse: FuseV1Options;
  readonly builderKey: BuilderFuseKey;
  readonly enabled: boolean;
}

export const packagedFuses: readonly PackagedFuse[] = [
  // ELECTRON_RUN_AS_NODE would turn the signed app into a plain Node for any script.
  { fuse: FuseV1Options.RunAsNode, builderKey: 'runAsNode', enabled: false },
  // NODE_OPTIONS and --inspect would let anyone who can start the app run code inside it.
  {
    fuse: FuseV1Options.EnableNodeOptionsEnvironmentVariable,
    builderKey: 'enableNodeOptionsEnvironmentVariable',
    enabled: false,
  },
  {
    fuse: FuseV1Options.EnableNodeCliInspectArguments,
    builderKey: 'enableNodeCliInspectArguments',
    enabled: false,
  },
  // The app's code is app.asar, checked against the hash electron-builder embeds (macOS, Windows).
  {
    fuse: FuseV1Options.EnableEmbeddedAsarIntegrityValidation,
    builderKey: 'enableEmbeddedAsarIntegrityValidation',
    enabled: true,
  },
  { fuse: FuseV1Options.OnlyLoadAppFromAsar, builderKey: 'onlyLoadAppFromAsar', enabled: true },
  // file:// pages get only what a browser gives them (no fetch of other local files).
  {
    fuse: FuseV1Options.GrantFileProtocolExtraPrivileges,
    builderKey: 'grantFileProtocolExtraPrivileges',
    enabled: false,
  },
  // A one-way switch: turning it off later would leave the cookie store unreadable.
  {
    fuse: FuseV1Options.EnableCookieEncryption,
    builderKey: 'enableCookieEncryption',
    enabled: true,
  },
];
