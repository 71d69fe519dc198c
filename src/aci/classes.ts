// The class table: for every ACI class the project creates, reads, or the
// simulator holds, how its RN is formed, which classes may contain it, which
// properties a client may set and which the APIC computes. The provisioner,
// the client and the simulator all read this one table.
//
// Facts follow the APIC management information model (as published through
// the Cobra SDK model docs, the Terraform ACI provider's metadata and the ACI
// CNI's own object constructors). Properties listed are those this project
// and common clients use; the universal ones (UNIVERSAL_PROPS) apply to all.
import type { AciClassInfo } from './types.js';
import { aciModel, type PropType } from './model.js';
import { rnFormatProps } from './rn.js';

/** The pseudo-class above `uni`, `comp` and `topology`. */
export const ROOT_CLASS = 'topRoot';

/** Properties every class accepts (or reports) besides its own. */
export const UNIVERSAL_PROPS: readonly string[] = [
  'dn',
  'rn',
  'status',
  'annotation',
  'descr',
  'nameAlias',
  'ownerKey',
  'ownerTag',
  'childAction',
  'userdom',
];

/** Read-only properties every class reports on reads. */
export const UNIVERSAL_READ_ONLY: readonly string[] = ['childAction', 'extMngdBy', 'lcOwn', 'modTs', 'monPolDn', 'uid', 'userdom'];

interface Row {
  rn: string;
  parents: string[];
  props?: string[];
  readOnly?: string[];
  relation?: { targetProp: string; targetClass?: string };
}

// Most policy objects can be tagged and annotated; these are the parents of tag classes.
const TAGGABLE = [
  'fvTenant',
  'fvCtx',
  'fvAp',
  'fvAEPg',
  'fvBD',
  'fvSubnet',
  'l3extOut',
  'l3extInstP',
  'vzFilter',
  'vzEntry',
  'vzBrCP',
  'vzSubj',
  'infraAttEntityP',
  'vmmDomP',
  'physDomP',
  'fvnsVlanInstP',
  'fvnsMcastAddrInstP',
  'aaaUser',
  'ndPfxPol',
  'l3extDomP',
];

const EPG_LIKE = ['fvAEPg', 'l3extInstP'];

const rows: Record<string, Row> = {
  // --- roots -------------------------------------------------------------
  polUni: { rn: 'uni', parents: [ROOT_CLASS] },
  compUni: { rn: 'comp', parents: [ROOT_CLASS] },
  fabricTopology: { rn: 'topology', parents: [ROOT_CLASS] },

  // --- tenant policy -----------------------------------------------------
  fvTenant: { rn: 'tn-{name}', parents: ['polUni'], props: ['name'] },
  fvCtx: {
    rn: 'ctx-{name}',
    parents: ['fvTenant'],
    props: ['name', 'pcEnfPref', 'pcEnfDir', 'bdEnforcedEnable', 'ipDataPlaneLearning', 'knwMcastAct'],
    readOnly: ['pcTag', 'scope', 'seg'],
  },
  fvAp: { rn: 'ap-{name}', parents: ['fvTenant'], props: ['name', 'prio'] },
  fvAEPg: {
    rn: 'epg-{name}',
    parents: ['fvAp'],
    props: ['name', 'floodOnEncap', 'isAttrBasedEPg', 'matchT', 'pcEnfPref', 'prefGrMemb', 'prio', 'shutdown', 'fwdCtrl', 'exceptionTag'],
    readOnly: ['pcTag', 'scope', 'isSharedSrvMsiteEPg', 'configSt'],
  },
  fvBD: {
    rn: 'BD-{name}',
    parents: ['fvTenant'],
    props: [
      'name',
      'arpFlood',
      'unicastRoute',
      'unkMacUcastAct',
      'unkMcastAct',
      'v6unkMcastAct',
      'multiDstPktAct',
      'limitIpLearnToSubnets',
      'ipLearning',
      'mac',
      'mtu',
      'epMoveDetectMode',
      'hostBasedRouting',
      'type',
      'ipv6McastAllow',
      'mcastAllow',
      'intersiteBumTrafficAllow',
      'intersiteL2Stretch',
      'llAddr',
      'OptimizeWanBandwidth',
    ],
    readOnly: ['pcTag', 'scope', 'seg', 'vmac'],
  },
  fvSubnet: {
    rn: 'subnet-[{ip}]',
    parents: ['fvBD', 'fvAEPg'],
    props: ['ip', 'ctrl', 'scope', 'preferred', 'virtual', 'name', 'ipDPLearning'],
  },
  fvRsCtx: { rn: 'rsctx', parents: ['fvBD'], props: ['tnFvCtxName'], relation: { targetProp: 'tnFvCtxName', targetClass: 'fvCtx' } },
  fvRsBd: { rn: 'rsbd', parents: ['fvAEPg'], props: ['tnFvBDName'], relation: { targetProp: 'tnFvBDName', targetClass: 'fvBD' } },
  fvRsBDToOut: {
    rn: 'rsBDToOut-{tnL3extOutName}',
    parents: ['fvBD'],
    props: ['tnL3extOutName'],
    relation: { targetProp: 'tnL3extOutName', targetClass: 'l3extOut' },
  },
  fvRsCons: {
    rn: 'rscons-{tnVzBrCPName}',
    parents: EPG_LIKE,
    props: ['tnVzBrCPName', 'prio'],
    relation: { targetProp: 'tnVzBrCPName', targetClass: 'vzBrCP' },
  },
  fvRsProv: {
    rn: 'rsprov-{tnVzBrCPName}',
    parents: EPG_LIKE,
    props: ['tnVzBrCPName', 'matchT', 'prio'],
    relation: { targetProp: 'tnVzBrCPName', targetClass: 'vzBrCP' },
  },
  fvRsConsIf: {
    rn: 'rsconsIf-{tnVzCPIfName}',
    parents: EPG_LIKE,
    props: ['tnVzCPIfName', 'prio'],
    relation: { targetProp: 'tnVzCPIfName', targetClass: 'vzCPIf' },
  },
  fvRsDomAtt: {
    rn: 'rsdomAtt-[{tDn}]',
    parents: ['fvAEPg'],
    props: [
      'tDn',
      'encap',
      'encapMode',
      'instrImedcy',
      'resImedcy',
      'primaryEncap',
      'classPref',
      'netflowPref',
      'switchingMode',
      'untagged',
      'bindingType',
      'numPorts',
      'portAllocation',
      'customEpgName',
      'delimiter',
    ],
    relation: { targetProp: 'tDn' },
  },
  // Enhanced LAG for an EPG's VMware domain binding.
  fvAEPgLagPolAtt: { rn: 'epglagpolatt', parents: ['fvRsDomAtt'] },
  fvRsVmmVSwitchEnhancedLagPol: {
    rn: 'rsvmmVSwitchEnhancedLagPol',
    parents: ['fvAEPgLagPolAtt'],
    props: ['tDn'],
    relation: { targetProp: 'tDn', targetClass: 'lacpEnhancedLagPol' },
  },
  dhcpLbl: { rn: 'dhcplbl-{name}', parents: ['fvBD'], props: ['name', 'owner', 'tag'] },
  fvRsNdPfxPol: {
    rn: 'rsNdPfxPol',
    parents: ['fvSubnet'],
    props: ['tnNdPfxPolName'],
    relation: { targetProp: 'tnNdPfxPolName', targetClass: 'ndPfxPol' },
  },
  ndPfxPol: { rn: 'ndpfxpol-{name}', parents: ['fvTenant'], props: ['name', 'ctrl', 'lifetime', 'prefLifetime'] },

  // --- contracts ---------------------------------------------------------
  vzFilter: { rn: 'flt-{name}', parents: ['fvTenant'], props: ['name'] },
  vzEntry: {
    rn: 'e-{name}',
    parents: ['vzFilter'],
    props: [
      'name',
      'etherT',
      'prot',
      'sFromPort',
      'sToPort',
      'dFromPort',
      'dToPort',
      'stateful',
      'tcpRules',
      'arpOpc',
      'applyToFrag',
      'icmpv4T',
      'icmpv6T',
      'matchDscp',
    ],
  },
  vzBrCP: { rn: 'brc-{name}', parents: ['fvTenant'], props: ['name', 'scope', 'prio', 'targetDscp'] },
  vzSubj: {
    rn: 'subj-{name}',
    parents: ['vzBrCP'],
    props: ['name', 'consMatchT', 'provMatchT', 'revFltPorts', 'prio', 'targetDscp'],
  },
  vzRsSubjFiltAtt: {
    rn: 'rssubjFiltAtt-{tnVzFilterName}',
    parents: ['vzSubj'],
    props: ['tnVzFilterName', 'action', 'directives', 'priorityOverride'],
    relation: { targetProp: 'tnVzFilterName', targetClass: 'vzFilter' },
  },
  vzInTerm: { rn: 'intmnl', parents: ['vzSubj'], props: ['name', 'prio', 'targetDscp'] },
  vzOutTerm: { rn: 'outtmnl', parents: ['vzSubj'], props: ['name', 'prio', 'targetDscp'] },
  vzRsFiltAtt: {
    rn: 'rsfiltAtt-{tnVzFilterName}',
    parents: ['vzInTerm', 'vzOutTerm'],
    props: ['tnVzFilterName', 'action', 'directives', 'priorityOverride'],
    relation: { targetProp: 'tnVzFilterName', targetClass: 'vzFilter' },
  },
  vzRsSubjGraphAtt: {
    rn: 'rsSubjGraphAtt',
    parents: ['vzSubj'],
    props: ['tnVnsAbsGraphName', 'directives'],
    relation: { targetProp: 'tnVnsAbsGraphName', targetClass: 'vnsAbsGraph' },
  },
  vzCPIf: { rn: 'cif-{name}', parents: ['fvTenant'], props: ['name'] },
  vzRsIf: { rn: 'rsif', parents: ['vzCPIf'], props: ['tDn', 'prio', 'intent'], relation: { targetProp: 'tDn', targetClass: 'vzBrCP' } },

  // --- L3Out -------------------------------------------------------------
  l3extOut: { rn: 'out-{name}', parents: ['fvTenant'], props: ['name', 'enforceRtctrl', 'targetDscp'] },
  l3extRsEctx: {
    rn: 'rsectx',
    parents: ['l3extOut'],
    props: ['tnFvCtxName'],
    relation: { targetProp: 'tnFvCtxName', targetClass: 'fvCtx' },
  },
  l3extRsL3DomAtt: { rn: 'rsl3DomAtt', parents: ['l3extOut'], props: ['tDn'], relation: { targetProp: 'tDn', targetClass: 'l3extDomP' } },
  l3extInstP: {
    rn: 'instP-{name}',
    parents: ['l3extOut'],
    props: ['name', 'prefGrMemb', 'matchT', 'floodOnEncap', 'prio', 'targetDscp', 'exceptionTag'],
    readOnly: ['pcTag', 'scope'],
  },
  l3extSubnet: { rn: 'extsubnet-[{ip}]', parents: ['l3extInstP'], props: ['ip', 'scope', 'aggregate', 'name'] },
  l3extLNodeP: { rn: 'lnodep-{name}', parents: ['l3extOut'], props: ['name', 'tag', 'targetDscp'] },
  l3extRsNodeL3OutAtt: {
    rn: 'rsnodeL3OutAtt-[{tDn}]',
    parents: ['l3extLNodeP'],
    props: ['tDn', 'rtrId', 'rtrIdLoopBack'],
    relation: { targetProp: 'tDn', targetClass: 'fabricNode' },
  },
  l3extDomP: { rn: 'l3dom-{name}', parents: ['polUni'], props: ['name'] },

  // --- access policies (uni/infra) ---------------------------------------
  infraInfra: { rn: 'infra', parents: ['polUni'] },
  infraAttEntityP: { rn: 'attentp-{name}', parents: ['infraInfra'], props: ['name'] },
  infraRsDomP: { rn: 'rsdomP-[{tDn}]', parents: ['infraAttEntityP'], props: ['tDn'], relation: { targetProp: 'tDn' } },
  // Its RN is fixed (`provacc`); `name` is an ordinary property.
  infraProvAcc: { rn: 'provacc', parents: ['infraAttEntityP'], props: ['name'] },
  infraGeneric: { rn: 'gen-{name}', parents: ['infraAttEntityP'], props: ['name'] },
  infraRsFuncToEpg: {
    rn: 'rsfuncToEpg-[{tDn}]',
    parents: ['infraGeneric', 'infraProvAcc'],
    props: ['tDn', 'encap', 'mode', 'instrImedcy', 'primaryEncap'],
    relation: { targetProp: 'tDn', targetClass: 'fvAEPg' },
  },
  dhcpInfraProvP: { rn: 'infraprovp', parents: ['infraProvAcc'], props: ['mode', 'name'] },
  infraSetPol: {
    rn: 'settings',
    parents: ['infraInfra'],
    props: [
      'opflexpAuthenticateClients',
      'opflexpUseSsl',
      'leafOpflexpAuthenticateClients',
      'leafOpflexpUseSsl',
      'domainValidation',
      'enforceSubnetCheck',
      'unicastXrEpLearnDisable',
      'enableRemoteLeafDirect',
      'reallocateGipo',
      'name',
    ],
  },
  infraRsVlanNs: {
    rn: 'rsvlanNs',
    parents: ['physDomP', 'vmmDomP', 'l3extDomP'],
    props: ['tDn'],
    relation: { targetProp: 'tDn', targetClass: 'fvnsVlanInstP' },
  },
  fvnsVlanInstP: { rn: 'vlanns-[{name}]-{allocMode}', parents: ['infraInfra'], props: ['name', 'allocMode'] },
  fvnsEncapBlk: {
    rn: 'from-[{from}]-to-[{to}]',
    parents: ['fvnsVlanInstP', 'vmmUsrCustomAggr'],
    props: ['from', 'to', 'allocMode', 'role', 'name'],
  },
  fvnsMcastAddrInstP: { rn: 'maddrns-{name}', parents: ['infraInfra'], props: ['name'] },
  fvnsMcastAddrBlk: { rn: 'fromaddr-[{from}]-toaddr-[{to}]', parents: ['fvnsMcastAddrInstP'], props: ['from', 'to', 'name'] },
  physDomP: { rn: 'phys-{name}', parents: ['polUni'], props: ['name'] },

  // --- VMM domains -------------------------------------------------------
  vmmProvP: { rn: 'vmmp-{vendor}', parents: ['polUni'], props: ['vendor'] },
  vmmDomP: {
    rn: 'dom-{name}',
    parents: ['vmmProvP'],
    props: [
      'name',
      'mode',
      'enfPref',
      'encapMode',
      'prefEncapMode',
      'mcastAddr',
      'accessMode',
      'arpLearning',
      'ave',
      'ctrlKnob',
      'enableAVE',
      'enableTag',
      'epInventoryType',
      'epRetTime',
      'hvAvailMonitor',
      'configInfraPg',
    ],
  },
  vmmCtrlrP: {
    rn: 'ctrlr-{name}',
    parents: ['vmmDomP'],
    props: ['name', 'mode', 'scope', 'hostOrIp', 'rootContName', 'dvsVersion', 'port', 'statsMode', 'inventoryTrigSt'],
  },
  vmmUsrAccP: { rn: 'usracc-{name}', parents: ['vmmDomP'], props: ['name', 'usr', 'pwd'] },
  vmmRsAcc: { rn: 'rsacc', parents: ['vmmCtrlrP'], props: ['tDn'], relation: { targetProp: 'tDn', targetClass: 'vmmUsrAccP' } },
  vmmRsDomMcastAddrNs: {
    rn: 'rsdomMcastAddrNs',
    parents: ['vmmDomP'],
    props: ['tDn'],
    relation: { targetProp: 'tDn', targetClass: 'fvnsMcastAddrInstP' },
  },
  vmmUsrCustomAggr: { rn: 'usrcustomaggr-{name}', parents: ['vmmDomP'], props: ['name', 'promMode', 'activeUplinks', 'standbyUplinks'] },
  vmmRsUsrCustomAggrLagPolAtt: {
    rn: 'rsUsrCustomAggrLagPolAtt',
    parents: ['vmmUsrCustomAggr'],
    props: ['tDn'],
    relation: { targetProp: 'tDn', targetClass: 'lacpEnhancedLagPol' },
  },
  vmmVSwitchPolicyCont: { rn: 'vswitchpolcont', parents: ['vmmDomP'] },
  lacpEnhancedLagPol: {
    rn: 'enlacplagp-{name}',
    parents: ['vmmVSwitchPolicyCont'],
    props: ['name', 'lbmode', 'mode', 'numLinks'],
  },

  // --- VMM inventory injected by the CNI controller (comp/...) -------------
  compProv: { rn: 'prov-{name}', parents: ['compUni'], props: ['name'] },
  compCtrlr: {
    rn: 'ctrlr-[{domName}]-{name}',
    parents: ['compProv'],
    props: ['domName', 'name'],
    readOnly: ['hostOrIp', 'mode', 'operSt', 'scope', 'vendor', 'version'],
  },
  compHv: { rn: 'hv-{oid}', parents: ['compCtrlr'], props: ['oid', 'name'], readOnly: ['state', 'type'] },
  compVm: { rn: 'vm-{oid}', parents: ['compCtrlr'], props: ['oid', 'name'], readOnly: ['state', 'os'] },
  vmmInjectedCont: { rn: 'injcont', parents: ['compCtrlr'] },
  vmmInjectedClusterInfo: {
    rn: 'info',
    parents: ['vmmInjectedCont'],
    props: ['name', 'accountName', 'type', 'provider', 'version'],
  },
  // RN not confirmed against the published model; only ever posted nested in its parent.
  vmmInjectedClusterDetails: {
    rn: 'clusterdetails',
    parents: ['vmmInjectedClusterInfo'],
    props: ['accProvisionInput', 'userKey', 'userCert'],
  },
  vmmClusterFaultInfo: {
    rn: 'clusterfaultinfo-{faultCode}',
    parents: ['vmmInjectedClusterInfo'],
    props: ['faultCode', 'faultMessage', 'faultDesc'],
  },
  vmmInjectedHost: {
    rn: 'host-[{name}]',
    parents: ['vmmInjectedCont'],
    props: ['name', 'os', 'kernelVer', 'hostName', 'mgmtIp', 'computeNode', 'id'],
  },
  vmmInjectedNs: { rn: 'ns-[{name}]', parents: ['vmmInjectedCont'], props: ['name'] },
  vmmInjectedContGrp: {
    rn: 'grp-[{name}]',
    parents: ['vmmInjectedNs'],
    props: ['name', 'hostName', 'computeNodeName', 'replicaSetName', 'guid'],
  },
  vmmInjectedDepl: { rn: 'depl-[{name}]', parents: ['vmmInjectedNs'], props: ['name', 'replicas', 'guid'] },
  vmmInjectedReplSet: { rn: 'rs-[{name}]', parents: ['vmmInjectedNs'], props: ['name', 'deploymentName', 'guid'] },
  vmmInjectedSvc: {
    rn: 'svc-[{name}]',
    parents: ['vmmInjectedNs'],
    props: ['name', 'type', 'clusterIp', 'lbIp', 'guid', 'dnsName'],
  },

  // --- opflex devices (what the fabric learned about each node) ----------
  opflexODev: {
    rn: 'odev-{id}',
    parents: ['opflexIDEp'],
    props: ['id'],
    readOnly: ['domName', 'ctrlrName', 'hostName', 'ip', 'mac', 'fabricPathDn', 'devType', 'state', 'ifId', 'vendor'],
  },
  opflexIDEp: {
    rn: 'idep-[{mac}]-[{encap}]-[{domName}]-[{ctrlrName}]',
    parents: ['topSystem'],
    props: ['mac', 'encap', 'domName', 'ctrlrName'],
    readOnly: ['compHvDn', 'containerName', 'epgID', 'epgName', 'ip', 'state', 'vmmDomain', 'eppDn'],
  },

  // --- local users ---------------------------------------------------------
  aaaUserEp: { rn: 'userext', parents: ['polUni'] },
  aaaUser: {
    rn: 'user-{name}',
    parents: ['aaaUserEp'],
    props: [
      'name',
      'accountStatus',
      'pwd',
      'email',
      'firstName',
      'lastName',
      'expires',
      'expiration',
      'clearPwdHistory',
      'certAttribute',
      'phone',
      'otpenable',
    ],
    readOnly: ['pwdSet', 'pwdLifeTime'],
  },
  aaaUserCert: { rn: 'usercert-{name}', parents: ['aaaUser'], props: ['name', 'data'], readOnly: ['fingerprint', 'certValidUntil'] },
  aaaUserDomain: { rn: 'userdomain-{name}', parents: ['aaaUser'], props: ['name'] },
  aaaUserRole: { rn: 'role-{name}', parents: ['aaaUserDomain'], props: ['name', 'privType'] },

  // --- fabric (discovery) ------------------------------------------------
  fabricPod: { rn: 'pod-{id}', parents: ['fabricTopology'], props: ['id'], readOnly: ['podType'] },
  fabricNode: {
    rn: 'node-{id}',
    parents: ['fabricPod'],
    props: ['id'],
    readOnly: ['name', 'role', 'model', 'serial', 'version', 'fabricSt', 'adSt', 'address', 'nodeType'],
  },
  topSystem: {
    rn: 'sys',
    parents: ['fabricNode'],
    readOnly: [
      'name',
      'role',
      'id',
      'podId',
      'address',
      'oobMgmtAddr',
      'inbMgmtAddr',
      'fabricDomain',
      'serial',
      'state',
      'systemUpTime',
      'version',
      'fabricId',
      'siteId',
      'tepPool',
      'currentTime',
    ],
  },
  firmwareCtrlrFwStatusCont: { rn: 'ctrlrfwstatuscont', parents: ['topSystem'] },
  firmwareCtrlrRunning: {
    rn: 'ctrlrrunning',
    parents: ['firmwareCtrlrFwStatusCont'],
    readOnly: ['version', 'type', 'ts', 'mode', 'internalLabel'],
  },
  // The controllers' cluster view (`topology/pod-1/node-1/av/node-2`).
  infraWiNode: {
    rn: 'node-{id}',
    parents: ['infraCont'],
    props: ['id'],
    readOnly: ['addr', 'health', 'nodeName', 'operSt', 'podId', 'routableIpAddr', 'apicMode', 'mbSn', 'targetMbSn'],
  },
  infraCont: { rn: 'av', parents: ['fabricNode'], readOnly: ['fbDmNm', 'size'] },
  // The fabric's BGP AS (`uni/fabric/bgpInstP-default/as`).
  fabricInst: { rn: 'fabric', parents: ['polUni'] },
  bgpInstPol: { rn: 'bgpInstP-{name}', parents: ['fabricInst'], props: ['name'] },
  bgpAsP: { rn: 'as', parents: ['bgpInstPol', 'bgpPeerP'], props: ['asn'] },
  lldpEntity: { rn: 'lldp', parents: ['topSystem'] },
  lldpInst: { rn: 'inst', parents: ['lldpEntity'], readOnly: ['adminSt', 'holdTime', 'initDelayTime', 'txFreq', 'infraVlan'] },

  // --- L4-L7 (read by verify: a cluster's service graphs) ----------------
  vnsSvcCont: { rn: 'svcCont', parents: ['fvTenant'] },
  vnsSvcRedirectPol: {
    rn: 'svcRedirectPol-{name}',
    parents: ['vnsSvcCont'],
    props: ['name', 'hashingAlgorithm', 'resilientHashEnabled', 'thresholdEnable', 'thresholdDownAction', 'AnycastEnabled', 'destType'],
  },
  vnsRedirectDest: { rn: 'RedirectDest_ip-[{ip}]', parents: ['vnsSvcRedirectPol'], props: ['ip', 'mac', 'destName', 'podId', 'ip2'] },
  vnsAbsGraph: { rn: 'AbsGraph-{name}', parents: ['fvTenant'], props: ['name', 'type', 'uiTemplateType', 'filterBetweenNodes'] },
  vnsAbsNode: {
    rn: 'AbsNode-{name}',
    parents: ['vnsAbsGraph'],
    props: ['name', 'funcType', 'managed', 'routingMode', 'funcTemplateType', 'isCopy', 'sequenceNumber', 'shareEncap'],
  },
  vnsRsNodeToLDev: {
    rn: 'rsNodeToLDev',
    parents: ['vnsAbsNode'],
    props: ['tDn'],
    relation: { targetProp: 'tDn', targetClass: 'vnsLDevVip' },
  },
  vnsLDevVip: {
    rn: 'lDevVip-{name}',
    parents: ['fvTenant'],
    props: ['name', 'devtype', 'funcType', 'managed', 'svcType', 'isCopy', 'contextAware', 'mode', 'trunking', 'packageModel'],
  },
  vnsRsALDevToPhysDomP: {
    rn: 'rsALDevToPhysDomP',
    parents: ['vnsLDevVip'],
    props: ['tDn'],
    relation: { targetProp: 'tDn', targetClass: 'physDomP' },
  },
  vnsCDev: { rn: 'cDev-{name}', parents: ['vnsLDevVip'], props: ['name', 'vcenterName', 'vmName', 'devCtxLbl'] },
  vnsCIf: { rn: 'cIf-[{name}]', parents: ['vnsCDev'], props: ['name', 'vnicName'] },
  vnsRsCIfPathAtt: { rn: 'rsCIfPathAtt', parents: ['vnsCIf'], props: ['tDn'], relation: { targetProp: 'tDn' } },
  vnsLIf: { rn: 'lIf-{name}', parents: ['vnsLDevVip'], props: ['name', 'encap'] },
  vnsRsCIfAttN: { rn: 'rscIfAttN-[{tDn}]', parents: ['vnsLIf'], props: ['tDn'], relation: { targetProp: 'tDn', targetClass: 'vnsCIf' } },
  vnsLDevCtx: {
    rn: 'ldevCtx-c-{ctrctNameOrLbl}-g-{graphNameOrLbl}-n-{nodeNameOrLbl}',
    parents: ['fvTenant'],
    props: ['ctrctNameOrLbl', 'graphNameOrLbl', 'nodeNameOrLbl', 'context'],
  },
  vnsRsLDevCtxToLDev: {
    rn: 'rsLDevCtxToLDev',
    parents: ['vnsLDevCtx'],
    props: ['tDn'],
    relation: { targetProp: 'tDn', targetClass: 'vnsLDevVip' },
  },
  vnsLIfCtx: { rn: 'lIfCtx-c-{connNameOrLbl}', parents: ['vnsLDevCtx'], props: ['connNameOrLbl', 'l3Dest', 'permitLog'] },
  vnsGraphInst: {
    rn: 'GraphInst_C-[{ctrctDn}]-G-[{graphDn}]-S-[{scopeDn}]',
    parents: ['fvTenant'],
    props: ['ctrctDn', 'graphDn', 'scopeDn'],
    readOnly: ['configSt', 'configId', 'configInfo', 'descr'],
  },

  // --- BEGIN running-cluster block (helper `running`, issue 18) -------------
  // What the ACI CNI controller writes for a running cluster and its
  // LoadBalancer services, from its object constructors (aci-containers
  // pkg/apicapi/apic_types.go): the service graph template's inner nodes,
  // the device context's relations, the injected service ports.
  vnsAbsFuncConn: { rn: 'AbsFConn-{name}', parents: ['vnsAbsNode'], props: ['name', 'attNotify'] },
  vnsAbsTermNodeCon: { rn: 'AbsTermNodeCon-{name}', parents: ['vnsAbsGraph'], props: ['name'] },
  vnsAbsTermNodeProv: { rn: 'AbsTermNodeProv-{name}', parents: ['vnsAbsGraph'], props: ['name'] },
  vnsAbsTermConn: { rn: 'AbsTConn', parents: ['vnsAbsTermNodeCon', 'vnsAbsTermNodeProv'], props: ['name', 'attNotify'] },
  vnsInTerm: { rn: 'intmnl', parents: ['vnsAbsTermNodeCon', 'vnsAbsTermNodeProv'], props: ['name'] },
  vnsOutTerm: { rn: 'outtmnl', parents: ['vnsAbsTermNodeCon', 'vnsAbsTermNodeProv'], props: ['name'] },
  vnsAbsConnection: {
    rn: 'AbsConnection-{name}',
    parents: ['vnsAbsGraph'],
    props: ['name', 'connDir', 'connType', 'adjType', 'directConnect', 'unicastRoute'],
  },
  vnsRsAbsConnectionConns: {
    rn: 'rsabsConnectionConns-[{tDn}]',
    parents: ['vnsAbsConnection'],
    props: ['tDn'],
    relation: { targetProp: 'tDn' },
  },
  vnsRsLIfCtxToSvcRedirectPol: {
    rn: 'rsLIfCtxToSvcRedirectPol',
    parents: ['vnsLIfCtx'],
    props: ['tDn'],
    relation: { targetProp: 'tDn', targetClass: 'vnsSvcRedirectPol' },
  },
  vnsRsLIfCtxToBD: { rn: 'rsLIfCtxToBD', parents: ['vnsLIfCtx'], props: ['tDn'], relation: { targetProp: 'tDn', targetClass: 'fvBD' } },
  vnsRsLIfCtxToLIf: { rn: 'rsLIfCtxToLIf', parents: ['vnsLIfCtx'], props: ['tDn'], relation: { targetProp: 'tDn', targetClass: 'vnsLIf' } },
  vmmInjectedSvcPort: {
    rn: 'p-{port}-prot-{protocol}-t-{targetPort}',
    parents: ['vmmInjectedSvc'],
    props: ['port', 'protocol', 'targetPort', 'nodePort'],
  },
  // --- END running-cluster block ---------------------------------------------

  // --- tags and annotations ------------------------------------------------
  tagAnnotation: { rn: 'annotationKey-[{key}]', parents: TAGGABLE, props: ['key', 'value'] },
  tagTag: { rn: 'tagKey-[{key}]', parents: TAGGABLE, props: ['key', 'value'] },
  tagInst: { rn: 'tag-{name}', parents: TAGGABLE, props: ['name'] },

  // --- Calico cluster L3Out (issue 16: flavor families) ---------------------
  // BEGIN families block: the floating SVI, BGP peering and route control of
  // the Calico flavor's cluster L3Out.
  l3extLIfP: { rn: 'lifp-{name}', parents: ['l3extLNodeP'], props: ['name', 'tag', 'prio'] },
  l3extVirtualLIfP: {
    rn: 'vlifp-[{nodeDn}]-[{encap}]',
    parents: ['l3extLIfP'],
    props: ['nodeDn', 'encap', 'addr', 'ifInstT', 'autostate', 'encapScope', 'mtu', 'mac', 'mode', 'llAddr', 'ipv6Dad'],
  },
  l3extRsDynPathAtt: {
    rn: 'rsdynPathAtt-[{tDn}]',
    parents: ['l3extVirtualLIfP'],
    props: ['tDn', 'floatingAddr', 'forgedTransmit', 'promMode', 'macChange', 'encap'],
    relation: { targetProp: 'tDn' },
  },
  l3extIp: { rn: 'addr-[{addr}]', parents: ['l3extVirtualLIfP'], props: ['addr', 'ipv6Dad'] },
  bgpPeerP: {
    rn: 'peerP-[{addr}]',
    parents: ['l3extVirtualLIfP', 'l3extLNodeP', 'l3extLIfP'],
    props: ['addr', 'ctrl', 'password', 'peerCtrl', 'addrTCtrl', 'ttl', 'weight', 'allowedSelfAsCnt', 'privateASctrl', 'adminSt'],
  },
  bgpRsPeerPfxPol: {
    rn: 'rspeerPfxPol',
    parents: ['bgpPeerP'],
    props: ['tnBgpPeerPfxPolName'],
    relation: { targetProp: 'tnBgpPeerPfxPolName', targetClass: 'bgpPeerPfxPol' },
  },
  bgpExtP: { rn: 'bgpExtP', parents: ['l3extOut'] },
  bgpCtxPol: {
    rn: 'bgpCtxP-{name}',
    parents: ['fvTenant'],
    props: ['name', 'holdIntvl', 'staleIntvl', 'kaIntvl', 'maxAsLimit', 'grCtrl', 'grStaleIntvl'],
  },
  bgpBestPathCtrlPol: { rn: 'bestpath-{name}', parents: ['fvTenant'], props: ['name', 'ctrl'] },
  bgpProtP: { rn: 'protp', parents: ['l3extLNodeP'], props: ['name'] },
  bgpRsBgpNodeCtxPol: {
    rn: 'rsbgpNodeCtxPol',
    parents: ['bgpProtP'],
    props: ['tnBgpCtxPolName'],
    relation: { targetProp: 'tnBgpCtxPolName', targetClass: 'bgpCtxPol' },
  },
  bgpRsBestPathCtrlPol: {
    rn: 'rsbestPathCtrlPol',
    parents: ['bgpProtP'],
    props: ['tnBgpBestPathCtrlPolName'],
    relation: { targetProp: 'tnBgpBestPathCtrlPolName', targetClass: 'bgpBestPathCtrlPol' },
  },
  bgpCtxAfPol: { rn: 'bgpCtxAfP-{name}', parents: ['fvTenant'], props: ['name', 'maxEcmpIbgp', 'maxEcmp', 'maxLocalEcmp'] },
  fvRsCtxToBgpCtxAfPol: {
    rn: 'rsctxToBgpCtxAfPol-[{tnBgpCtxAfPolName}]-{af}',
    parents: ['fvCtx'],
    props: ['tnBgpCtxAfPolName', 'af'],
    relation: { targetProp: 'tnBgpCtxAfPolName', targetClass: 'bgpCtxAfPol' },
  },
  rtctrlSubjP: { rn: 'subj-{name}', parents: ['fvTenant'], props: ['name'] },
  rtctrlMatchRtDest: { rn: 'dest-[{ip}]', parents: ['rtctrlSubjP'], props: ['ip', 'aggregate', 'fromPfxLen', 'toPfxLen'] },
  rtctrlProfile: { rn: 'prof-{name}', parents: ['l3extOut', 'fvTenant'], props: ['name', 'type'] },
  rtctrlCtxP: { rn: 'ctx-{name}', parents: ['rtctrlProfile'], props: ['name', 'order', 'action'] },
  rtctrlRsCtxPToSubjP: {
    rn: 'rsctxPToSubjP-{tnRtctrlSubjPName}',
    parents: ['rtctrlCtxP'],
    props: ['tnRtctrlSubjPName'],
    relation: { targetProp: 'tnRtctrlSubjPName', targetClass: 'rtctrlSubjP' },
  },
  bgpPeerPfxPol: { rn: 'bgpPfxP-{name}', parents: ['fvTenant'], props: ['name', 'action', 'maxPfx', 'thresh', 'restartTime'] },
  // END families block
};

// ---- OpenShift family (added by the openshift branch) ----------------------
// The ESX flavors' second kube-api port group binds the nodes EPG to the
// vDS's enhanced LAG policy with `userdom` set, as the APIC UI sends it.
for (const cls of ['fvAEPgLagPolAtt', 'fvRsVmmVSwitchEnhancedLagPol']) {
  rows[cls].props = [...(rows[cls].props ?? []), 'userdom'];
}
// ---- end of the OpenShift family's additions -------------------------------

function buildHand(): Map<string, AciClassInfo> {
  const table = new Map<string, AciClassInfo>();
  for (const [className, r] of Object.entries(rows)) {
    const naming = rnFormatProps(r.rn);
    const props = [...new Set([...naming, ...(r.props ?? [])])];
    const info: AciClassInfo = { className, rnFormat: r.rn, naming, parents: r.parents, props };
    if (r.readOnly && r.readOnly.length > 0) info.readOnly = r.readOnly;
    if (r.relation) info.relation = r.relation;
    table.set(className, Object.freeze(info));
  }
  return table;
}

// The rows above answer without loading the object model (the provisioner
// only needs them); any other class, or a walk over the whole table, loads it.
const hand = buildHand();
let full: Map<string, AciClassInfo> | undefined;

/** The rows above, then every class of the object model that has an RN format its settable properties fill. */
function buildFull(): Map<string, AciClassInfo> {
  const table = new Map<string, AciClassInfo>();
  const { classes } = aciModel();
  for (const [className, info] of hand) {
    const m = classes[className];
    if (!m) {
      table.set(className, info);
      continue;
    }
    // The rows' RN and naming stay (the provisioner's output depends on them); the model adds parents and properties.
    const parents = [...new Set([...info.parents, ...m.parents.filter((p) => p === ROOT_CLASS || classes[p]?.rn || hand.has(p))])];
    const props = [...new Set([...info.props, ...Object.keys(m.props)])];
    const readOnly = [...new Set([...(info.readOnly ?? []), ...m.ro])].filter((p) => !props.includes(p));
    const merged: AciClassInfo = { ...info, parents, props };
    if (readOnly.length > 0) merged.readOnly = readOnly;
    table.set(className, Object.freeze(merged));
  }
  for (const [className, m] of Object.entries(classes)) {
    if (table.has(className) || !m.rn) continue;
    const naming = rnFormatProps(m.rn);
    if (!naming.every((p) => p in m.props)) continue;
    const parents = m.parents.filter((p) => hand.has(p) || classes[p]?.rn);
    if (parents.length === 0) continue;
    const props = Object.keys(m.props);
    const info: AciClassInfo = { className, rnFormat: m.rn, naming, parents, props };
    if (m.ro.length > 0) info.readOnly = m.ro;
    const rel = relationOf(className, props);
    if (rel) info.relation = rel;
    table.set(className, info);
  }
  // Parents that did not make it into the table (no RN format), and classes left with none, go; until nothing changes.
  for (let changed = true; changed;) {
    changed = false;
    for (const [className, info] of table) {
      const parents = info.parents.filter((p) => p === ROOT_CLASS || table.has(p));
      if (parents.length === info.parents.length) continue;
      changed = true;
      if (parents.length === 0 && !hand.has(className)) table.delete(className);
      else table.set(className, { ...info, parents });
    }
  }
  for (const [className, info] of table) {
    const t = info.relation?.targetClass;
    if (t && !table.has(t)) table.set(className, { ...info, relation: { targetProp: info.relation!.targetProp } });
  }
  for (const info of table.values()) Object.freeze(info);
  return table;
}

/** Relation classes (`fvRsX`) point at their target by `tDn` or by name (`tnFvBDName`). */
function relationOf(className: string, props: string[]): AciClassInfo['relation'] {
  if (!/^[a-z][a-z0-9]*Rs[A-Z]/.test(className)) return undefined;
  const byName = props.find((p) => /^tn[A-Z][A-Za-z0-9]*Name$/.test(p));
  if (byName) {
    const target = byName.slice(2, -4);
    const targetClass = target.charAt(0).toLowerCase() + target.slice(1);
    return { targetProp: byName, targetClass };
  }
  return props.includes('tDn') ? { targetProp: 'tDn' } : undefined;
}

function fullTable(): Map<string, AciClassInfo> {
  return (full ??= buildFull());
}

/** The table as a map; `get`/`has` of the rows above do not load the object model. */
class ClassTable implements ReadonlyMap<string, AciClassInfo> {
  get(k: string): AciClassInfo | undefined {
    return full ? full.get(k) : (hand.get(k) ?? fullTable().get(k));
  }
  has(k: string): boolean {
    return hand.has(k) || fullTable().has(k);
  }
  get size(): number {
    return fullTable().size;
  }
  keys() {
    return fullTable().keys();
  }
  values() {
    return fullTable().values();
  }
  entries() {
    return fullTable().entries();
  }
  forEach(fn: (v: AciClassInfo, k: string, m: ReadonlyMap<string, AciClassInfo>) => void): void {
    for (const [k, v] of fullTable()) fn(v, k, this);
  }
  [Symbol.iterator]() {
    return fullTable()[Symbol.iterator]();
  }
}

export const classTable: ReadonlyMap<string, AciClassInfo> = new ClassTable();

export function classInfo(className: string): AciClassInfo | undefined {
  return classTable.get(className);
}

/** Like classInfo, for classes the caller knows are in the table. */
export function requireClass(className: string): AciClassInfo {
  const info = classTable.get(className);
  if (!info) throw new Error(`ACI class ${className} is not in the class table`);
  return info;
}

/** Whether an APIC knows the class: in the table, or in the object model by name (fault, event and statistics classes). */
export function isKnownClass(className: string): boolean {
  return className !== ROOT_CLASS && (classTable.has(className) || className in aciModel().classes);
}

/** The value type of a property, when the object model gives one. */
export function propType(className: string, prop: string): PropType | undefined {
  const m = aciModel();
  const i = m.classes[className]?.props[prop] ?? -1;
  return i >= 0 ? m.types[i] : undefined;
}

/** Roles that may read (`r`) or write (`w`) a class, when the object model says. */
export function classRoles(className: string): { read?: readonly string[]; write?: readonly string[] } {
  const m = aciModel().classes[className];
  return { read: m?.r, write: m?.w };
}

// Built on first use: a manifest or a dump never asks for it. Until the
// object model is loaded it holds the rows above only (what the provisioner
// resolves); parseRn loads the model when those do not resolve an RN.
let childIndex: Map<string, AciClassInfo[]> | undefined;
let childIndexWithModel = false;

function buildChildIndex(classes: Iterable<AciClassInfo>): Map<string, AciClassInfo[]> {
  const index = new Map<string, AciClassInfo[]>();
  for (const info of classes) {
    for (const p of info.parents) {
      const list = index.get(p) ?? [];
      list.push(info);
      index.set(p, list);
    }
  }
  // Formats with longer leading literals first, so a specific RN wins over a looser one.
  for (const list of index.values()) {
    list.sort((a, b) => literalPrefix(b.rnFormat).length - literalPrefix(a.rnFormat).length);
  }
  return index;
}

function literalPrefix(fmt: string): string {
  const i = fmt.indexOf('{');
  return i < 0 ? fmt : fmt.slice(0, i);
}

/** Whether the object model is loaded (every class, not only the provisioner's rows). */
export function classModelLoaded(): boolean {
  return full !== undefined;
}

/** Classes that may be direct children of `parentClass` (the provisioner's rows only, until the model is loaded). */
export function childClassesOf(parentClass: string): readonly AciClassInfo[] {
  if (!childIndex || (full && !childIndexWithModel)) {
    childIndexWithModel = full !== undefined;
    childIndex = buildChildIndex(full ? full.values() : hand.values());
  }
  return childIndex.get(parentClass) ?? [];
}

/** Whether a client may set this property on this class (naming, own or universal). */
export function isSettableProp(className: string, prop: string): boolean {
  const info = fullTable().get(className);
  if (!info) return false;
  return info.props.includes(prop) || (UNIVERSAL_PROPS.includes(prop) && !UNIVERSAL_READ_ONLY.includes(prop)) || prop === 'childAction';
}

const ALWAYS_SHOWN = [
  'dn',
  'rn',
  'status',
  'modTs',
  'childAction',
  'lcOwn',
  'uid',
  'userdom',
  'extMngdBy',
  'monPolDn',
  'configIssues',
  'configSt',
];

/**
 * Every property an object of the class has, when the object model lists
 * them all (classes it describes with their access roles); undefined when
 * its list may be partial, so callers do not refuse what they cannot judge.
 */
export function propertyNames(className: string): ReadonlySet<string> | undefined {
  const m = aciModel().classes[className];
  if (!m?.w) return undefined;
  const info = fullTable().get(className);
  return new Set([
    ...Object.keys(m.props),
    ...m.ro,
    ...(info?.props ?? []),
    ...(info?.readOnly ?? []),
    ...UNIVERSAL_PROPS,
    ...UNIVERSAL_READ_ONLY,
    ...ALWAYS_SHOWN,
  ]);
}

/** Loads the object model now (the simulator does at start, so its first request does not pay for it). */
export function loadClassModel(): void {
  fullTable();
}
