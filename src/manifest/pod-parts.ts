// Volumes and mounts that several ACI CNI pods share.
import type { IVolume } from 'kubernetes-models/v1/Volume';
import type { IVolumeMount } from 'kubernetes-models/v1/VolumeMount';

export const hostPathVolume = (name: string, path: string): IVolume => ({ name, hostPath: { path } });

export const mount = (name: string, mountPath: string, readOnly?: boolean): IVolumeMount =>
  readOnly ? { name, mountPath, readOnly } : { name, mountPath };

/** The log and docker directories mounted read-only for log collection. */
export const logMounts = (): IVolumeMount[] => [
  mount('varlogpods', '/var/log/pods', true),
  mount('varlogcontainers', '/var/log/containers', true),
  mount('varlibdocker', '/var/lib/docker', true),
];

export const logVolumes = (): IVolume[] => [
  hostPathVolume('varlogpods', '/var/log/pods'),
  hostPathVolume('varlogcontainers', '/var/log/containers'),
  hostPathVolume('varlibdocker', '/var/lib/docker'),
];

/** /var and /run of the host, where OVS and OpFlex keep their sockets. */
export const hostRunMounts = (): IVolumeMount[] => [
  mount('hostvar', '/usr/local/var'),
  mount('hostrun', '/run'),
  mount('hostrun', '/usr/local/run'),
];
