/**
 * The installer config, checked without building installers (that needs Electron's binary):
 * electron-builder.json must pass electron-builder's own schema and say what a packaged Timeline
 * Desk needs: its targets, the .timeline.json association, the fuses, the files and the icon.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

import { FuseV1Options } from '@electron/fuses';
import Ajv from 'ajv';
import type { Configuration, FileAssociation, TargetConfiguration } from 'electron-builder';
import { describe, expect, it } from 'vitest';

import { packagedFuses } from './packaged-fuses';

const root = fileURLToPath(new URL('..', import.meta.url));
const configText = readFileSync(join(root, 'electron-builder.json'), 'utf8');
const config = JSON.parse(configText) as Configuration;
const packageJson = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')) as {
  main: string;
  description?: string;
};

// The schema and the glob matcher of the app-builder-lib that this electron-builder runs.
const electronBuilder = createRequire(import.meta.url).resolve('electron-builder');
const builderLib = createRequire(
  createRequire(electronBuilder).resolve('app-builder-lib/package.json'),
);
const builderSchema = JSON.parse(
  readFileSync(builderLib.resolve('./scheme.json'), 'utf8'),
) as object;
const { minimatch } = builderLib('minimatch') as {
  minimatch: (path: string, pattern: string, options: { dot: boolean }) => boolean;
};

// The schema uses a keyword of its own (`typeof`) and union types: not strict, but every error.
const validate = new Ajv({ strict: false, allowUnionTypes: true, allErrors: true }).compile(
  builderSchema,
);

function errorsFor(candidate: unknown) {
  return validate(candidate) ? [] : (validate.errors ?? []);
}

/** A fresh copy of the config to break in memory. */
function configCopy(): Record<string, unknown> {
  return JSON.parse(configText) as Record<string, unknown>;
}

describe("electron-builder's schema", () => {
  it('accepts electron-builder.json', () => {
    expect(errorsFor(config)).toEqual([]);
  });

  it('refuses a misspelled key, a wrong type and an unknown fuse', () => {
    const misspelled = { ...configCopy(), nsiss: {} };
    expect(errorsFor(misspelled)).toContainEqual(
      expect.objectContaining({ params: { additionalProperty: 'nsiss' } }),
    );
    const wrongType = { ...configCopy(), asar: 'yes' };
    expect(errorsFor(wrongType)).toContainEqual(expect.objectContaining({ instancePath: '/asar' }));
    const unknownFuse = configCopy();
    unknownFuse.electronFuses = { runAsnode: false };
    expect(errorsFor(unknownFuse)).toContainEqual(
      expect.objectContaining({ params: { additionalProperty: 'runAsnode' } }),
    );
  });
});

describe('the app', () => {
  it('is Timeline Desk, org.timelinedesk.app', () => {
    expect(config.productName).toBe('Timeline Desk');
    expect(config.appId).toBe('org.timelinedesk.app');
    expect(config.asar).toBe(true);
  });

  it('opens .timeline.json files as their editor', () => {
    const associations = [config.fileAssociations ?? []].flat() as FileAssociation[];
    const timeline = associations.find((entry) => [entry.ext].flat().includes('timeline.json'));
    expect(timeline).toMatchObject({
      name: 'Timeline Desk timeline',
      role: 'Editor',
      mimeType: 'application/vnd.timeline-desk+json',
    });
  });
});

type Platform = 'win' | 'mac' | 'linux';

function targetsOf(platform: Platform): string[] {
  const targets = [config[platform]?.target ?? []].flat() as (string | TargetConfiguration)[];
  return targets.map((target) => (typeof target === 'string' ? target : target.target));
}

/** electron-builder's own key for a target's options. */
const optionsKey = { nsis: 'nsis', dmg: 'dmg', AppImage: 'appImage', deb: 'deb' } as const;

describe('installers', () => {
  it('are NSIS on Windows, dmg on macOS, AppImage and deb on Linux', () => {
    expect(targetsOf('win')).toEqual(['nsis']);
    expect(targetsOf('mac')).toEqual(['dmg']);
    expect(targetsOf('linux')).toEqual(['AppImage', 'deb']);
  });

  it.each(Object.entries(optionsKey))('%s is named with its version and arch', (target, key) => {
    const platform = (['win', 'mac', 'linux'] as const).find((p) => targetsOf(p).includes(target))!;
    const name =
      config[key]?.artifactName ?? config[platform]?.artifactName ?? config.artifactName ?? '';
    expect(name).toContain('${version}');
    expect(name).toContain('${arch}');
  });

  it('file the app under Office on Linux, described as package.json describes it', () => {
    expect(config.linux?.category).toBe('Office');
    // Unset here, so the deb's description and maintainer come from package.json (its
    // `description`, and its `author` with an email, which electron-builder requires for a deb).
    expect(config.linux?.description ?? config.deb?.description).toBeUndefined();
    expect(config.linux?.maintainer).toBeUndefined();
    expect(packageJson.description).toBeTruthy();
  });
});

describe('fuses', () => {
  const required = [
    FuseV1Options.RunAsNode,
    FuseV1Options.EnableNodeOptionsEnvironmentVariable,
    FuseV1Options.EnableNodeCliInspectArguments,
    FuseV1Options.EnableEmbeddedAsarIntegrityValidation,
    FuseV1Options.OnlyLoadAppFromAsar,
    FuseV1Options.GrantFileProtocolExtraPrivileges,
    FuseV1Options.EnableCookieEncryption,
  ];

  it('the table sets each of the seven fuses once', () => {
    const named = packagedFuses.map(({ fuse }) => FuseV1Options[fuse]).sort();
    expect(named).toEqual(required.map((fuse) => FuseV1Options[fuse]).sort());
  });

  it.each(packagedFuses.map((entry) => [FuseV1Options[entry.fuse], entry] as const))(
    '%s is flipped as the table says',
    (_name, { builderKey, enabled }) => {
      expect(config.electronFuses?.[builderKey]).toBe(enabled);
    },
  );

  it('are all in the table (no fuse flipped that the table does not name)', () => {
    const keys = Object.keys(config.electronFuses ?? {}).filter(
      (key) => key !== 'resetAdHocDarwinSignature',
    );
    expect(keys.sort()).toEqual(packagedFuses.map(({ builderKey }) => builderKey).sort());
  });
});

/** Whether `files` takes `path` in, matched as electron-builder does (the last match wins). */
function packs(path: string): boolean {
  let packed = false;
  for (const pattern of [config.files ?? []].flat()) {
    if (typeof pattern !== 'string') throw new Error('files: only patterns are checked here');
    const negated = pattern.startsWith('!');
    if (minimatch(path, negated ? pattern.slice(1) : pattern, { dot: true })) packed = !negated;
  }
  return packed;
}

describe('files', () => {
  it('pack what the app runs: package.json and the build in out/', () => {
    for (const path of [
      'package.json',
      packageJson.main,
      'out/main/document-worker.js',
      'out/preload/index.cjs',
      'out/renderer/index.html',
      'out/renderer/assets/index-x1.js',
    ]) {
      expect(packs(path), path).toBe(true);
    }
  });

  it('leave out everything else at the top of the repository (sources, tests, docs)', () => {
    // node_modules is electron-builder's to sort: it packs the production dependencies.
    const kept = new Set(['out', 'package.json', 'node_modules']);
    const others = readdirSync(root).filter((name) => !kept.has(name));
    expect(others).toEqual(expect.arrayContaining(['src', 'e2e', 'bench', 'docs', 'test']));
    for (const name of others) {
      expect(packs(name), name).toBe(false);
      expect(packs(`${name}/index.ts`), name).toBe(false);
    }
  });
});

/** Width and height from a PNG's header, or undefined if the file is not a PNG. */
function pngSize(path: string): { width: number; height: number } | undefined {
  const bytes = readFileSync(path);
  const signature = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
  if (!bytes.subarray(0, 8).equals(signature)) return undefined;
  return { width: bytes.readUInt32BE(16), height: bytes.readUInt32BE(20) };
}

describe('icons', () => {
  it('are in build/, the build resources folder', () => {
    expect(config.directories?.buildResources).toBe('build');
    const paths = [config.icon, config.win?.icon, config.mac?.icon, config.linux?.icon];
    const configured = paths.filter((path): path is string => typeof path === 'string');
    expect(configured.length).toBeGreaterThan(0);
    for (const path of configured) {
      expect(path.startsWith('build/'), path).toBe(true);
      expect(existsSync(join(root, path)), path).toBe(true);
    }
  });

  it('start from one square PNG large enough for every platform', () => {
    // electron-builder makes the .ico (256 px at least) and the .icns (512 px at least) from it.
    expect(config.icon).toBe('build/icon.png');
    expect(pngSize(join(root, 'build/icon.png'))).toEqual({ width: 1024, height: 1024 });
  });
});
