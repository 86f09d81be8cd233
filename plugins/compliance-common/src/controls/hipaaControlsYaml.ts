// Generated from hipaa-controls.yaml by scripts/generateControlsModule.mjs.
// Do not edit: edit hipaa-controls.yaml and regenerate.

/**
 * The text of the shipped HIPAA controls file (`hipaa-controls.yaml`).
 * Load it with `parseControls(hipaaControlsYaml, { source: hipaaControlsSource })`.
 *
 * @public
 */
export const hipaaControlsYaml: string = `# CarePath HIPAA-mapped controls.
#
# This file is the single source of truth for the controls every catalog
# service is reviewed against. It is curated by compliance officers and
# changed through code review. After editing it, regenerate the module the
# package exports:
#
#   node plugins/compliance-common/scripts/generateControlsModule.mjs
#
# Bump controlsVersion on every change: it is recorded with every piece of
# evidence. The format is described in plugins/compliance-common/README.md.
controlsVersion: '2026.11.0'

controls:
  # 164.312(a)(1) Access control: unique workload identity
  - id: CP-IAM-01
    title: Workloads run as a dedicated ServiceAccount
    hipaa: ['164.312(a)(1)']
    severity: high
    evaluator:
      name: dedicatedServiceAccount
    remediation: >-
      Create a ServiceAccount for the workload and set
      spec.template.spec.serviceAccountName to it. Never run as the
      namespace's default ServiceAccount.
    link: https://www.ecfr.gov/current/title-45/subtitle-A/subchapter-C/part-164/subpart-C/section-164.312

  - id: CP-IAM-02
    title: ServiceAccount tokens are not automounted
    hipaa: ['164.312(a)(1)']
    severity: medium
    evaluator:
      name: serviceAccountTokenNotMounted
    remediation: >-
      Set automountServiceAccountToken: false on the pod spec and on the
      ServiceAccount. Mount a projected token only where the Kubernetes API
      is really needed.
    link: https://www.ecfr.gov/current/title-45/subtitle-A/subchapter-C/part-164/subpart-C/section-164.312

  # 164.312(b) Audit controls
  - id: CP-AUD-01
    title: PHI services declare audit logging
    hipaa: ['164.312(b)']
    severity: critical
    appliesTo:
      dataClassification: [phi]
    evaluator:
      name: auditLoggingDeclared
    remediation: >-
      Ship PHI access events to the audit pipeline and annotate the entity
      with carepath.io/audit-logging: enabled.
    link: https://www.ecfr.gov/current/title-45/subtitle-A/subchapter-C/part-164/subpart-C/section-164.312

  # 164.312(c)(1) Integrity
  - id: CP-INT-01
    title: Containers have a read-only root filesystem
    hipaa: ['164.312(c)(1)']
    severity: high
    evaluator:
      name: readOnlyRootFilesystem
    remediation: >-
      Set securityContext.readOnlyRootFilesystem: true on every container and
      mount an emptyDir for paths the process writes to (e.g. /tmp).
    link: https://www.ecfr.gov/current/title-45/subtitle-A/subchapter-C/part-164/subpart-C/section-164.312

  - id: CP-INT-02
    title: Containers cannot escalate privileges
    hipaa: ['164.312(c)(1)']
    severity: critical
    evaluator:
      name: noPrivilegeEscalation
    remediation: >-
      Set securityContext.allowPrivilegeEscalation: false on every container
      and never run a container privileged.
    link: https://www.ecfr.gov/current/title-45/subtitle-A/subchapter-C/part-164/subpart-C/section-164.312

  - id: CP-INT-03
    title: Images are pinned to an exact version or digest
    hipaa: ['164.312(c)(1)']
    severity: high
    evaluator:
      name: pinnedImages
    remediation: >-
      Reference every image by an exact release tag (e.g. :1.4.2) or by
      digest (@sha256:...). Never :latest, a floating tag or no tag.
    link: https://www.ecfr.gov/current/title-45/subtitle-A/subchapter-C/part-164/subpart-C/section-164.312

  - id: CP-INT-04
    title: Containers run as non-root
    hipaa: ['164.312(c)(1)']
    severity: high
    evaluator:
      name: runAsNonRoot
    remediation: >-
      Set securityContext.runAsNonRoot: true on the pod (or on every
      container) and build images that run as a non-zero UID.
    link: https://www.ecfr.gov/current/title-45/subtitle-A/subchapter-C/part-164/subpart-C/section-164.312

  - id: CP-INT-05
    title: Containers drop all capabilities
    hipaa: ['164.312(c)(1)']
    severity: medium
    evaluator:
      name: capabilitiesDropped
      params:
        allowedAdd: [NET_BIND_SERVICE]
    remediation: >-
      Set securityContext.capabilities.drop: [ALL] on every container and add
      back nothing but NET_BIND_SERVICE.
    link: https://www.ecfr.gov/current/title-45/subtitle-A/subchapter-C/part-164/subpart-C/section-164.312

  # 164.312(e)(1) Transmission security
  - id: CP-TX-01
    title: Exposed services terminate TLS at the ingress
    hipaa: ['164.312(e)(1)']
    severity: critical
    evaluator:
      name: ingressTls
    remediation: >-
      Give every Ingress a spec.tls entry whose hosts cover all of its rule
      hosts, with a certificate from the platform issuer.
    link: https://www.ecfr.gov/current/title-45/subtitle-A/subchapter-C/part-164/subpart-C/section-164.312

  - id: CP-TX-02
    title: A NetworkPolicy restricts traffic to every workload
    hipaa: ['164.312(e)(1)']
    severity: high
    evaluator:
      name: networkPolicySelectsWorkload
    remediation: >-
      Add a NetworkPolicy with policyTypes [Ingress] whose podSelector matches
      the workload's pods and allows only the callers it needs.
    link: https://www.ecfr.gov/current/title-45/subtitle-A/subchapter-C/part-164/subpart-C/section-164.312

  - id: CP-TX-03
    title: No NodePort Services
    hipaa: ['164.312(e)(1)']
    severity: high
    evaluator:
      name: forbiddenServiceType
      params:
        type: NodePort
    remediation: >-
      Use a ClusterIP Service and expose it through a TLS Ingress.
    link: https://www.ecfr.gov/current/title-45/subtitle-A/subchapter-C/part-164/subpart-C/section-164.312

  - id: CP-TX-04
    title: No LoadBalancer Services without an exemption
    hipaa: ['164.312(e)(1)']
    severity: medium
    evaluator:
      name: forbiddenServiceType
      params:
        type: LoadBalancer
    remediation: >-
      Use a ClusterIP Service behind a TLS Ingress. Where a LoadBalancer is
      unavoidable (e.g. an HL7 MLLP feed), request an exemption for this
      control.
    link: https://www.ecfr.gov/current/title-45/subtitle-A/subchapter-C/part-164/subpart-C/section-164.312

  # 164.308(a)(7) Contingency plan
  - id: CP-CON-01
    title: PHI databases have a backup within policy
    hipaa: ['164.308(a)(7)']
    severity: critical
    evaluator:
      name: databaseBackupFresh
      params:
        classifications: [phi]
    remediation: >-
      Attach a backup policy to the database and check why the last scheduled
      backup did not complete.
    link: https://www.ecfr.gov/current/title-45/subtitle-A/subchapter-C/part-164/subpart-C/section-164.308

  - id: CP-CON-02
    title: PHI database restores are tested
    hipaa: ['164.308(a)(7)']
    severity: high
    evaluator:
      name: restoreTested
      params:
        maxAgeDays: 90
        classifications: [phi]
    remediation: >-
      Run a restore test of the database into a scratch instance and record
      it in the audit trail.
    link: https://www.ecfr.gov/current/title-45/subtitle-A/subchapter-C/part-164/subpart-C/section-164.308

  - id: CP-CON-03
    title: Production workloads run at least two replicas
    hipaa: ['164.308(a)(7)']
    severity: high
    appliesTo:
      lifecycle: [production]
    evaluator:
      name: minimumReplicas
      params:
        min: 2
    remediation: >-
      Set spec.replicas (or the HorizontalPodAutoscaler's minReplicas) to at
      least 2.
    link: https://www.ecfr.gov/current/title-45/subtitle-A/subchapter-C/part-164/subpart-C/section-164.308

  - id: CP-CON-04
    title: Production workloads have a PodDisruptionBudget
    hipaa: ['164.308(a)(7)']
    severity: medium
    appliesTo:
      lifecycle: [production]
    evaluator:
      name: podDisruptionBudget
    remediation: >-
      Add a PodDisruptionBudget (e.g. maxUnavailable: 1) selecting the
      workload's pods.
    link: https://www.ecfr.gov/current/title-45/subtitle-A/subchapter-C/part-164/subpart-C/section-164.308

  # 164.308(a)(4) Information access management
  - id: CP-ACC-01
    title: Database credentials are rotated
    hipaa: ['164.308(a)(4)']
    severity: high
    evaluator:
      name: credentialsRotated
      params:
        maxAgeDays: 90
    remediation: >-
      Rotate the database credentials through the platform's secret rotation
      and restart the consumers.
    link: https://www.ecfr.gov/current/title-45/subtitle-A/subchapter-C/part-164/subpart-C/section-164.308

  # Catalog hygiene: knowing what runs, who owns it and what data it holds
  - id: CP-CAT-01
    title: The owner exists and is a group
    hipaa: ['164.308(a)(2)']
    severity: medium
    evaluator:
      name: ownerIsGroup
    remediation: >-
      Set spec.owner to an existing team Group in the catalog.
    link: https://www.ecfr.gov/current/title-45/subtitle-A/subchapter-C/part-164/subpart-C/section-164.308

  - id: CP-CAT-02
    title: The data classification is declared
    hipaa: ['164.308(a)(1)(ii)(A)']
    severity: high
    evaluator:
      name: dataClassificationDeclared
    remediation: >-
      Annotate the entity with carepath.io/data-classification: phi, pii,
      internal or public.
    link: https://www.ecfr.gov/current/title-45/subtitle-A/subchapter-C/part-164/subpart-C/section-164.308

  - id: CP-CAT-03
    title: The lifecycle is declared
    hipaa: ['164.308(a)(1)(ii)(A)']
    severity: low
    evaluator:
      name: lifecycleDeclared
    remediation: >-
      Set spec.lifecycle to experimental, production or deprecated.
    link: https://www.ecfr.gov/current/title-45/subtitle-A/subchapter-C/part-164/subpart-C/section-164.308

  - id: CP-CAT-04
    title: An on-call contact is declared
    hipaa: ['164.308(a)(6)']
    severity: medium
    evaluator:
      name: onCallDeclared
    remediation: >-
      Annotate the entity with carepath.io/on-call (rota or alias), or give
      the owner group a spec.profile.email.
    link: https://www.ecfr.gov/current/title-45/subtitle-A/subchapter-C/part-164/subpart-C/section-164.308

  # Platform-level
  - id: CP-PLT-01
    title: Every running workload is registered in the catalog
    hipaa: ['164.308(a)(1)(ii)(A)']
    severity: high
    evaluator:
      name: unregisteredWorkloads
      params:
        ignoreNamespaces: [kube-system, kube-public, kube-node-lease]
        attributedTo: group:default/platform-team
    remediation: >-
      Register the workload in the catalog (label it with
      backstage.io/kubernetes-id) or remove it from the cluster.
    link: https://www.ecfr.gov/current/title-45/subtitle-A/subchapter-C/part-164/subpart-C/section-164.308
`;

/**
 * The file name to report in errors and evidence for {@link hipaaControlsYaml}.
 *
 * @public
 */
export const hipaaControlsSource = 'hipaa-controls.yaml';
