// Kubernetes flavors of the Python acc-provision (flavors.yaml), carried as data:
// description, default image release, visibility, list order and the
// configuration each flavor layers under the user's file.
import type { FlavorData } from '../flavors.js';

export const KUBERNETES_FLAVORS: Record<string, FlavorData> = {
  'kubernetes-1.35': {
    desc: 'Kubernetes 1.35',
    default_version: 6.1,
    status: null,
    hidden: false,
    order: 69,
    config: {
      kube_config: {
        allow_kube_api_default_epg: true,
        use_host_netns_volume: true,
      },
    },
  },
  'kubernetes-1.34': {
    desc: 'Kubernetes 1.34',
    default_version: 6.1,
    status: null,
    hidden: false,
    order: 70,
    config: {
      kube_config: {
        allow_kube_api_default_epg: true,
        use_host_netns_volume: true,
      },
    },
  },
  'kubernetes-1.33': {
    desc: 'Kubernetes 1.33',
    default_version: 6.1,
    status: null,
    hidden: false,
    order: 71,
    config: {
      kube_config: {
        allow_kube_api_default_epg: true,
        use_host_netns_volume: true,
      },
    },
  },
  'kubernetes-1.32': {
    desc: 'Kubernetes 1.32',
    default_version: 6.1,
    status: null,
    hidden: true,
    order: 72,
    config: {
      kube_config: {
        allow_kube_api_default_epg: true,
        use_host_netns_volume: true,
      },
    },
  },
  'kubernetes-1.31': {
    desc: 'Kubernetes 1.31',
    default_version: 6.1,
    status: null,
    hidden: true,
    order: 73,
    config: {
      kube_config: {
        allow_kube_api_default_epg: true,
        use_host_netns_volume: true,
      },
    },
  },
  'kubernetes-1.30': {
    desc: 'Kubernetes 1.30',
    default_version: 6.1,
    status: null,
    hidden: true,
    order: 74,
    config: {
      kube_config: {
        allow_kube_api_default_epg: true,
        use_host_netns_volume: true,
      },
    },
  },
  'kubernetes-1.29': {
    desc: 'Kubernetes 1.29',
    default_version: 6.1,
    status: null,
    hidden: true,
    order: 75,
    config: {
      kube_config: {
        allow_kube_api_default_epg: true,
        use_host_netns_volume: true,
      },
    },
  },
  'kubernetes-1.28': {
    desc: 'Kubernetes 1.28',
    default_version: 6.1,
    status: null,
    hidden: true,
    order: 76,
    config: {
      kube_config: {
        allow_kube_api_default_epg: true,
        use_host_netns_volume: true,
      },
    },
  },
  'kubernetes-1.27': {
    desc: 'Kubernetes 1.27',
    default_version: 6.1,
    status: null,
    hidden: true,
    order: 77,
    config: {
      kube_config: {
        allow_kube_api_default_epg: true,
        use_host_netns_volume: true,
      },
    },
  },
  'kubernetes-1.26': {
    desc: 'Kubernetes 1.26',
    default_version: 6.1,
    status: null,
    hidden: true,
    order: 78,
    config: {
      kube_config: {
        allow_kube_api_default_epg: true,
        use_host_netns_volume: true,
      },
    },
  },
  'kubernetes-1.25': {
    desc: 'Kubernetes 1.25',
    default_version: 6.1,
    status: null,
    hidden: true,
    order: 79,
    config: {
      kube_config: {
        allow_kube_api_default_epg: true,
        use_host_netns_volume: true,
      },
    },
  },
  'kubernetes-1.24': {
    desc: 'Kubernetes 1.24',
    default_version: 6.1,
    status: null,
    hidden: true,
    order: 80,
    config: {
      kube_config: {
        allow_kube_api_default_epg: true,
        use_host_netns_volume: true,
      },
    },
  },
  'kubernetes-1.23': {
    desc: 'Kubernetes 1.23',
    default_version: 6.1,
    status: null,
    hidden: true,
    order: 81,
    config: {
      kube_config: {
        allow_kube_api_default_epg: true,
        use_host_netns_volume: true,
      },
    },
  },
  'kubernetes-1.22': {
    desc: 'Kubernetes 1.22',
    default_version: 6.1,
    status: null,
    hidden: true,
    order: 82,
    config: {
      kube_config: {
        allow_kube_api_default_epg: true,
        use_host_netns_volume: true,
      },
    },
  },
  'kubernetes-1.21': {
    desc: 'Kubernetes 1.21',
    default_version: 6.1,
    status: null,
    hidden: true,
    order: 83,
    config: {
      kube_config: {
        allow_kube_api_default_epg: true,
        use_host_netns_volume: true,
      },
    },
  },
  'kubernetes-1.20': {
    desc: 'Kubernetes 1.20',
    default_version: 6.1,
    status: null,
    hidden: true,
    order: 84,
    config: {
      kube_config: {
        allow_kube_api_default_epg: true,
        use_host_netns_volume: true,
      },
    },
  },
  'kubernetes-1.19': {
    desc: 'Kubernetes 1.19',
    default_version: 6.1,
    status: null,
    hidden: true,
    order: 85,
    config: {
      kube_config: {
        allow_kube_api_default_epg: true,
      },
    },
  },
  'kubernetes-1.18': {
    desc: 'Kubernetes 1.18',
    default_version: 6.1,
    status: null,
    hidden: true,
    order: 86,
    config: {
      kube_config: {
        allow_kube_api_default_epg: true,
      },
    },
  },
  'kubernetes-1.17': {
    desc: 'Kubernetes 1.17',
    default_version: 6.1,
    status: null,
    hidden: true,
    order: 87,
  },
  'kubernetes-1.16': {
    desc: 'Kubernetes 1.16',
    default_version: 6.1,
    status: null,
    hidden: true,
    order: 88,
  },
  'kubernetes-1.15': {
    desc: 'Kubernetes 1.15',
    default_version: 6.1,
    status: null,
    hidden: true,
    order: 89,
  },
  'kubernetes-1.14': {
    desc: 'Kubernetes 1.14',
    default_version: 6.1,
    status: null,
    hidden: true,
    order: 90,
  },
  'kubernetes-1.13': {
    desc: 'Kubernetes 1.13',
    default_version: 6.1,
    status: null,
    hidden: true,
    order: 91,
  },
  'kubernetes-1.12': {
    desc: 'Kubernetes 1.12',
    default_version: 6.1,
    status: null,
    hidden: true,
    order: 92,
  },
  'kubernetes-1.11': {
    desc: 'Kubernetes 1.11',
    default_version: 1.9,
    status: null,
    hidden: true,
    order: 93,
    config: {
      kube_config: {
        no_priority_class: true,
      },
    },
  },
  'kubernetes-1.10': {
    desc: 'Kubernetes 1.10',
    default_version: 1.9,
    status: null,
    hidden: true,
    order: 94,
    config: {
      kube_config: {
        no_priority_class: true,
      },
    },
  },
};
