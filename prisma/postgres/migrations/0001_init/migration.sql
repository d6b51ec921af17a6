-- CreateSchema
CREATE SCHEMA IF NOT EXISTS "public";

-- CreateTable
CREATE TABLE "Vim" (
    "id" TEXT NOT NULL,
    "tenantId" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "description" TEXT NOT NULL DEFAULT '',
    "type" TEXT NOT NULL DEFAULT 'openstack',
    "authUrl" TEXT NOT NULL,
    "authCred" TEXT NOT NULL,
    "secretEnc" TEXT NOT NULL,
    "vimProject" TEXT NOT NULL,
    "placementAttr" TEXT NOT NULL DEFAULT '{}',
    "status" TEXT NOT NULL DEFAULT 'PENDING',
    "isDefault" BOOLEAN NOT NULL DEFAULT false,
    "shared" BOOLEAN NOT NULL DEFAULT false,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,
    "deletedAt" TIMESTAMP(3),

    CONSTRAINT "Vim_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Vnfd" (
    "id" TEXT NOT NULL,
    "tenantId" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "description" TEXT NOT NULL DEFAULT '',
    "serviceTypes" TEXT NOT NULL DEFAULT '[]',
    "templateSource" TEXT NOT NULL DEFAULT 'onboarded',
    "currentVersion" INTEGER NOT NULL DEFAULT 1,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,
    "deletedAt" TIMESTAMP(3),

    CONSTRAINT "Vnfd_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "VnfdVersion" (
    "id" TEXT NOT NULL,
    "vnfdId" TEXT NOT NULL,
    "version" INTEGER NOT NULL,
    "template" TEXT NOT NULL,
    "author" TEXT NOT NULL DEFAULT '',
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "VnfdVersion_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Vnf" (
    "id" TEXT NOT NULL,
    "tenantId" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "description" TEXT NOT NULL DEFAULT '',
    "vnfdId" TEXT NOT NULL,
    "vnfdVersion" INTEGER NOT NULL DEFAULT 1,
    "vimId" TEXT NOT NULL,
    "regionName" TEXT,
    "instanceId" TEXT,
    "stackName" TEXT NOT NULL,
    "status" TEXT NOT NULL DEFAULT 'PENDING_CREATE',
    "mgmtUrl" TEXT,
    "errorReason" TEXT,
    "attributes" TEXT NOT NULL DEFAULT '{}',
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,
    "deletedAt" TIMESTAMP(3),

    CONSTRAINT "Vnf_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Job" (
    "id" TEXT NOT NULL,
    "vnfId" TEXT NOT NULL,
    "kind" TEXT NOT NULL,
    "status" TEXT NOT NULL DEFAULT 'QUEUED',
    "payload" TEXT NOT NULL DEFAULT '{}',
    "attempts" INTEGER NOT NULL DEFAULT 0,
    "leaseOwner" TEXT,
    "leaseUntil" TIMESTAMP(3),
    "nextRunAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "lastError" TEXT,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "Job_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Event" (
    "id" SERIAL NOT NULL,
    "tenantId" TEXT NOT NULL,
    "resourceId" TEXT NOT NULL,
    "resourceType" TEXT NOT NULL,
    "resourceState" TEXT NOT NULL,
    "eventType" TEXT NOT NULL,
    "timestamp" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "eventDetails" TEXT NOT NULL DEFAULT '',

    CONSTRAINT "Event_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "SignInThrottle" (
    "key" TEXT NOT NULL,
    "failures" INTEGER NOT NULL DEFAULT 0,
    "lastFailure" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "SignInThrottle_pkey" PRIMARY KEY ("key")
);

-- CreateIndex
CREATE INDEX "Vim_tenantId_idx" ON "Vim"("tenantId");

-- CreateIndex
CREATE INDEX "Vnfd_tenantId_idx" ON "Vnfd"("tenantId");

-- CreateIndex
CREATE UNIQUE INDEX "VnfdVersion_vnfdId_version_key" ON "VnfdVersion"("vnfdId", "version");

-- CreateIndex
CREATE INDEX "Vnf_tenantId_idx" ON "Vnf"("tenantId");

-- CreateIndex
CREATE INDEX "Vnf_status_idx" ON "Vnf"("status");

-- CreateIndex
CREATE INDEX "Job_status_nextRunAt_idx" ON "Job"("status", "nextRunAt");

-- CreateIndex
CREATE INDEX "Event_resourceId_idx" ON "Event"("resourceId");

-- CreateIndex
CREATE INDEX "Event_tenantId_idx" ON "Event"("tenantId");

-- AddForeignKey
ALTER TABLE "VnfdVersion" ADD CONSTRAINT "VnfdVersion_vnfdId_fkey" FOREIGN KEY ("vnfdId") REFERENCES "Vnfd"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Vnf" ADD CONSTRAINT "Vnf_vnfdId_fkey" FOREIGN KEY ("vnfdId") REFERENCES "Vnfd"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Vnf" ADD CONSTRAINT "Vnf_vimId_fkey" FOREIGN KEY ("vimId") REFERENCES "Vim"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Job" ADD CONSTRAINT "Job_vnfId_fkey" FOREIGN KEY ("vnfId") REFERENCES "Vnf"("id") ON DELETE CASCADE ON UPDATE CASCADE;

