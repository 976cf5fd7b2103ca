/**
 * Types of the Lucent REST API, generated from the server's OpenAPI document by web/codegen/generate.ts
 * (openapi-typescript). Do not edit: change the route schemas and run `npm --prefix web/codegen run generate`.
 */
export interface paths {
    "/api/advisories/status": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            database: {
                                counts: {
                                    aliases: number;
                                    epss: number;
                                    kev: number;
                                    records: number;
                                    withdrawn: number;
                                } | null;
                                exists: boolean;
                                feeds: {
                                    ageDays: number;
                                    checkedAt: string | null;
                                    feed: string;
                                    feedTimestamp: string | null;
                                    importedAt: string;
                                    records: number;
                                    source: string;
                                }[];
                                schemaVersion: number | null;
                                sizeBytes: number | null;
                                /** @description a fingerprint of the imported feeds; it changes with the data */
                                version: string | null;
                            };
                            queue: {
                                depth: number;
                                /** @enum {string} */
                                engine: "sqlite" | "pg-boss";
                            };
                            rematch: {
                                /** @description the database version the latest run matched against */
                                appliedVersion: string | null;
                                run: {
                                    /** @description findings the resources gained */
                                    added: number;
                                    databaseVersion: string;
                                    done: number;
                                    failed: number;
                                    finishedAt: string | null;
                                    id: string;
                                    pending: number;
                                    /** @description findings the resources lost */
                                    removed: number;
                                    /** @description deleted meanwhile, or left to a newer run */
                                    skipped: number;
                                    startedAt: string;
                                    /** @enum {string} */
                                    status: "planning" | "running" | "done";
                                    /** @description resources with a stored SBOM when the run was planned */
                                    total: number;
                                    /** @description update, api, startup or file-change */
                                    trigger: string;
                                } | null;
                                /** @description the latest run is done and used the current database version */
                                upToDate: boolean;
                            };
                            update: {
                                finishedAt: string | null;
                                /** @description scheduled updates; null when turned off */
                                intervalSeconds: number | null;
                                /** @description the last lines `lucent db update` printed (warnings, or why it failed) */
                                message: string | null;
                                /** @description null: no update is scheduled (off, or no downloaded feed to refresh) */
                                nextRunAt: string | null;
                                outcome: ("updated" | "failed") | null;
                                startedAt: string | null;
                                /** @enum {string} */
                                state: "idle" | "running";
                                /** @description schedule or api */
                                trigger: string | null;
                            };
                        };
                    };
                };
                /** @description An error */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @description stable error code, e.g. E_NOT_FOUND */
                            code: string;
                            hint?: string;
                            issues?: {
                                message: string;
                                path: string;
                            }[];
                            message: string;
                        };
                    };
                };
                /** @description An error */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @description stable error code, e.g. E_NOT_FOUND */
                            code: string;
                            hint?: string;
                            issues?: {
                                message: string;
                                path: string;
                            }[];
                            message: string;
                        };
                    };
                };
                /** @description An error */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @description stable error code, e.g. E_NOT_FOUND */
                            code: string;
                            hint?: string;
                            issues?: {
                                message: string;
                                path: string;
                            }[];
                            message: string;
                        };
                    };
                };
                /** @description An error */
                503: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @description stable error code, e.g. E_NOT_FOUND */
                            code: string;
                            hint?: string;
                            issues?: {
                                message: string;
                                path: string;
                            }[];
                            message: string;
                        };
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/advisories/update": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        post: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        /**
                         * @description run `lucent db update` (true), or only re-match against the database as it is now (false)
                         * @default true
                         */
                        download?: boolean;
                        /**
                         * @description re-match every stored SBOM even when the database did not change
                         * @default false
                         */
                        force?: boolean;
                    };
                };
            };
            responses: {
                /** @description Default Response */
                202: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @description a re-match planning job was queued (false: one was already waiting) */
                            rematchRequested: boolean;
                            update: {
                                finishedAt: string | null;
                                /** @description scheduled updates; null when turned off */
                                intervalSeconds: number | null;
                                /** @description the last lines `lucent db update` printed (warnings, or why it failed) */
                                message: string | null;
                                /** @description null: no update is scheduled (off, or no downloaded feed to refresh) */
                                nextRunAt: string | null;
                                outcome: ("updated" | "failed") | null;
                                startedAt: string | null;
                                /** @enum {string} */
                                state: "idle" | "running";
                                /** @description schedule or api */
                                trigger: string | null;
                            };
                        };
                    };
                };
                /** @description An error */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @description stable error code, e.g. E_NOT_FOUND */
                            code: string;
                            hint?: string;
                            issues?: {
                                message: string;
                                path: string;
                            }[];
                            message: string;
                        };
                    };
                };
                /** @description An error */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @description stable error code, e.g. E_NOT_FOUND */
                            code: string;
                            hint?: string;
                            issues?: {
                                message: string;
                                path: string;
                            }[];
                            message: string;
                        };
                    };
                };
                /** @description An error */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @description stable error code, e.g. E_NOT_FOUND */
                            code: string;
                            hint?: string;
                            issues?: {
                                message: string;
                                path: string;
                            }[];
                            message: string;
                        };
                    };
                };
                /** @description An error */
                503: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @description stable error code, e.g. E_NOT_FOUND */
                            code: string;
                            hint?: string;
                            issues?: {
                                message: string;
                                path: string;
                            }[];
                            message: string;
                        };
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/applicationResources": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get: {
            parameters: {
                query?: {
                    /** @description scope to one id */
                    applicationID?: string;
                    /** @description number filter */
                    "applications[gte]"?: string | string[];
                    /** @description number filter */
                    "applications[is]"?: string | string[];
                    /** @description number filter */
                    "applications[isNot]"?: string | string[];
                    /** @description number filter */
                    "applications[lte]"?: string | string[];
                    /** @description true */
                    currentRuntimeScan?: string;
                    /** @description csv: the same rows as CSV (also with Accept: text/csv) */
                    format?: "json" | "csv";
                    /** @description scope to one id */
                    packageID?: string;
                    /** @description number filter */
                    "packages[gte]"?: string | string[];
                    /** @description number filter */
                    "packages[is]"?: string | string[];
                    /** @description number filter */
                    "packages[isNot]"?: string | string[];
                    /** @description number filter */
                    "packages[lte]"?: string | string[];
                    /** @description page number, from 1 (default 1) */
                    page?: string;
                    /** @description rows per page, 1 to 100 (default 50) */
                    pageSize?: string;
                    /** @description elements filter */
                    "reportingSBOMAnalyzers[containElements]"?: string | string[];
                    /** @description elements filter */
                    "reportingSBOMAnalyzers[doesntContainElements]"?: string | string[];
                    /** @description string filter */
                    "resourceHash[contains]"?: string | string[];
                    /** @description string filter */
                    "resourceHash[end]"?: string | string[];
                    /** @description string filter */
                    "resourceHash[is]"?: string | string[];
                    /** @description string filter */
                    "resourceHash[isNot]"?: string | string[];
                    /** @description string filter */
                    "resourceHash[start]"?: string | string[];
                    /** @description string filter */
                    "resourceName[contains]"?: string | string[];
                    /** @description string filter */
                    "resourceName[end]"?: string | string[];
                    /** @description string filter */
                    "resourceName[is]"?: string | string[];
                    /** @description string filter */
                    "resourceName[isNot]"?: string | string[];
                    /** @description string filter */
                    "resourceName[start]"?: string | string[];
                    /** @description enum filter (IMAGE, DIRECTORY, FILE, ROOTFS, SBOM) */
                    "resourceType[is]"?: string | string[];
                    /** @description ASC (default) or DESC */
                    sortDir?: string;
                    /** @description one of resourceName, resourceHash, resourceType, vulnerabilities, applications, packages (default resourceName) */
                    sortKey?: string;
                    /** @description severity filter */
                    "vulnerabilitySeverity[gte]"?: string | string[];
                    /** @description severity filter */
                    "vulnerabilitySeverity[lte]"?: string | string[];
                };
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            items: {
                                applications: number;
                                id: string;
                                packages: number;
                                reportingSBOMAnalyzers: string[];
                                resourceHash: string;
                                resourceName: string;
                                /** @enum {string} */
                                resourceType: "IMAGE" | "DIRECTORY" | "FILE" | "ROOTFS" | "SBOM";
                                vulnerabilities: {
                                    count: number;
                                    /** @enum {string} */
                                    severity: "CRITICAL" | "HIGH" | "MEDIUM" | "LOW" | "NEGLIGIBLE" | "UNKNOWN";
                                }[];
                            }[];
                            /** @description rows matching the filters */
                            total: number;
                        };
                    };
                };
                /** @description An error */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @description stable error code, e.g. E_NOT_FOUND */
                            code: string;
                            hint?: string;
                            issues?: {
                                message: string;
                                path: string;
                            }[];
                            message: string;
                        };
                    };
                };
                /** @description An error */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @description stable error code, e.g. E_NOT_FOUND */
                            code: string;
                            hint?: string;
                            issues?: {
                                message: string;
                                path: string;
                            }[];
                            message: string;
                        };
                    };
                };
                /** @description An error */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @description stable error code, e.g. E_NOT_FOUND */
                            code: string;
                            hint?: string;
                            issues?: {
                                message: string;
                                path: string;
                            }[];
                            message: string;
                        };
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/applicationResources/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            applicationResource: {
                                applications: number;
                                id: string;
                                packages: number;
                                reportingSBOMAnalyzers: string[];
                                resourceHash: string;
                                resourceName: string;
                                /** @enum {string} */
                                resourceType: "IMAGE" | "DIRECTORY" | "FILE" | "ROOTFS" | "SBOM";
                                vulnerabilities: {
                                    count: number;
                                    /** @enum {string} */
                                    severity: "CRITICAL" | "HIGH" | "MEDIUM" | "LOW" | "NEGLIGIBLE" | "UNKNOWN";
                                }[];
                            };
                            firstSeen: string;
                            lastAnalysisAt: string | null;
                            lastScanAt: string | null;
                            licenses: string[];
                            os: {
                                [key: string]: unknown;
                            } | null;
                            reportingScanners: string[];
                        };
                    };
                };
                /** @description An error */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @description stable error code, e.g. E_NOT_FOUND */
                            code: string;
                            hint?: string;
                            issues?: {
                                message: string;
                                path: string;
                            }[];
                            message: string;
                        };
                    };
                };
                /** @description An error */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @description stable error code, e.g. E_NOT_FOUND */
                            code: string;
                            hint?: string;
                            issues?: {
                                message: string;
                                path: string;
                            }[];
                            message: string;
                        };
                    };
                };
                /** @description An error */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @description stable error code, e.g. E_NOT_FOUND */
                            code: string;
                            hint?: string;
                            issues?: {
                                message: string;
                                path: string;
                            }[];
                            message: string;
                        };
                    };
                };
                /** @description An error */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @description stable error code, e.g. E_NOT_FOUND */
                            code: string;
                            hint?: string;
                            issues?: {
                                message: string;
                                path: string;
                            }[];
                            message: string;
                        };
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                204: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content?: never;
                };
                /** @description An error */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @description stable error code, e.g. E_NOT_FOUND */
                            code: string;
                            hint?: string;
                            issues?: {
                                message: string;
                                path: string;
                            }[];
                            message: string;
                        };
                    };
                };
                /** @description An error */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @description stable error code, e.g. E_NOT_FOUND */
                            code: string;
                            hint?: string;
                            issues?: {
                                message: string;
                                path: string;
                            }[];
                            message: string;
                        };
                    };
                };
                /** @description An error */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @description stable error code, e.g. E_NOT_FOUND */
                            code: string;
                            hint?: string;
                            issues?: {
                                message: string;
                                path: string;
                            }[];
                            message: string;
                        };
                    };
                };
                /** @description An error */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @description stable error code, e.g. E_NOT_FOUND */
                            code: string;
                            hint?: string;
                            issues?: {
                                message: string;
                                path: string;
                            }[];
                            message: string;
                        };
                    };
                };
            };
        };
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/applicationResources/{id}/layers": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            createdBy: string;
                            diffId: string;
                            index: number;
                            /** @description packages this layer added */
                            packages: number;
                        }[];
                    };
                };
                /** @description An error */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @description stable error code, e.g. E_NOT_FOUND */
                            code: string;
                            hint?: string;
                            issues?: {
                                message: string;
                                path: string;
                            }[];
                            message: string;
                        };
                    };
                };
                /** @description An error */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @description stable error code, e.g. E_NOT_FOUND */
                            code: string;
                            hint?: string;
                            issues?: {
                                message: string;
                                path: string;
                            }[];
                            message: string;
                        };
                    };
                };
                /** @description An error */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @description stable error code, e.g. E_NOT_FOUND */
                            code: string;
                            hint?: string;
                            issues?: {
                                message: string;
                                path: string;
                            }[];
                            message: string;
                        };
                    };
                };
                /** @description An error */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @description stable error code, e.g. E_NOT_FOUND */
                            code: string;
                            hint?: string;
                            issues?: {
                                message: string;
                                path: string;
                            }[];
                            message: string;
                        };
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/applicationResources/{id}/layers/{index}/packages": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * The packages a layer added
         * @description The resource's packages first found in the layer at `index` (as in GET /applicationResources/{id}/layers), sorted by name and version, with KubeClarity's `page` and `pageSize`. A layer whose diffID repeats an earlier layer's lists none: its packages belong to the first.
         */
        get: {
            parameters: {
                query?: {
                    /** @description page number, from 1 */
                    page?: number;
                    /** @description rows per page, 1 to 100 */
                    pageSize?: number;
                };
                header?: never;
                path: {
                    id: string;
                    /** @description the layer's index, as in the layers list */
                    index: number;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            items: {
                                analyzers: string[];
                                /** @description the package id (GET /packages/{id}) */
                                id: string;
                                language: string;
                                name: string;
                                /** @description the first path it was found at in the layer, '' when not reported */
                                path: string;
                                purl: string | null;
                                /** @description purl type: deb, npm, pypi, … ('' when unknown) */
                                type: string;
                                version: string;
                            }[];
                            /** @description rows matching the filters */
                            total: number;
                        };
                    };
                };
                /** @description An error */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @description stable error code, e.g. E_NOT_FOUND */
                            code: string;
                            hint?: string;
                            issues?: {
                                message: string;
                                path: string;
                            }[];
                            message: string;
                        };
                    };
                };
                /** @description An error */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @description stable error code, e.g. E_NOT_FOUND */
                            code: string;
                            hint?: string;
                            issues?: {
                                message: string;
                                path: string;
                            }[];
                            message: string;
                        };
                    };
                };
                /** @description An error */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @description stable error code, e.g. E_NOT_FOUND */
                            code: string;
                            hint?: string;
                            issues?: {
                                message: string;
                                path: string;
                            }[];
                            message: string;
                        };
                    };
                };
                /** @description An error */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @description stable error code, e.g. E_NOT_FOUND */
                            code: string;
                            hint?: string;
                            issues?: {
                                message: string;
                                path: string;
                            }[];
                            message: string;
                        };
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/applicationResources/{id}/sbom": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get: {
            parameters: {
                query?: {
                    format?: "cyclonedx-json" | "spdx-json";
                };
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description the SBOM document */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": string;
                    };
                };
                /** @description An error */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @description stable error code, e.g. E_NOT_FOUND */
                            code: string;
                            hint?: string;
                            issues?: {
                                message: string;
                                path: string;
                            }[];
                            message: string;
                        };
                    };
                };
                /** @description An error */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @description stable error code, e.g. E_NOT_FOUND */
                            code: string;
                            hint?: string;
                            issues?: {
                                message: string;
                                path: string;
                            }[];
                            message: string;
                        };
                    };
                };
                /** @description An error */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @description stable error code, e.g. E_NOT_FOUND */
                            code: string;
                            hint?: string;
                            issues?: {
                                message: string;
                                path: string;
                            }[];
                            message: string;
                        };
                    };
                };
                /** @description An error */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @description stable error code, e.g. E_NOT_FOUND */
                            code: string;
                            hint?: string;
                            issues?: {
                                message: string;
                                path: string;
                            }[];
                            message: string;
                        };
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/applications": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get: {
            parameters: {
                query?: {
                    /** @description elements filter */
                    "applicationEnvs[containElements]"?: string | string[];
                    /** @description elements filter */
                    "applicationEnvs[doesntContainElements]"?: string | string[];
                    /** @description elements filter */
                    "applicationLabels[containElements]"?: string | string[];
                    /** @description elements filter */
                    "applicationLabels[doesntContainElements]"?: string | string[];
                    /** @description string filter */
                    "applicationName[contains]"?: string | string[];
                    /** @description string filter */
                    "applicationName[end]"?: string | string[];
                    /** @description string filter */
                    "applicationName[is]"?: string | string[];
                    /** @description string filter */
                    "applicationName[isNot]"?: string | string[];
                    /** @description string filter */
                    "applicationName[start]"?: string | string[];
                    /** @description scope to one id */
                    applicationResourceID?: string;
                    /** @description number filter */
                    "applicationResources[gte]"?: string | string[];
                    /** @description number filter */
                    "applicationResources[is]"?: string | string[];
                    /** @description number filter */
                    "applicationResources[isNot]"?: string | string[];
                    /** @description number filter */
                    "applicationResources[lte]"?: string | string[];
                    /** @description enum filter (POD, DIRECTORY, LAMBDA, IMAGE) */
                    "applicationType[is]"?: string | string[];
                    /** @description true */
                    currentRuntimeScan?: string;
                    /** @description csv: the same rows as CSV (also with Accept: text/csv) */
                    format?: "json" | "csv";
                    /** @description scope to one id */
                    packageID?: string;
                    /** @description number filter */
                    "packages[gte]"?: string | string[];
                    /** @description number filter */
                    "packages[is]"?: string | string[];
                    /** @description number filter */
                    "packages[isNot]"?: string | string[];
                    /** @description number filter */
                    "packages[lte]"?: string | string[];
                    /** @description page number, from 1 (default 1) */
                    page?: string;
                    /** @description rows per page, 1 to 100 (default 50) */
                    pageSize?: string;
                    /** @description ASC (default) or DESC */
                    sortDir?: string;
                    /** @description one of applicationName, applicationType, vulnerabilities, applicationResources, packages (default applicationName) */
                    sortKey?: string;
                    /** @description severity filter */
                    "vulnerabilitySeverity[gte]"?: string | string[];
                    /** @description severity filter */
                    "vulnerabilitySeverity[lte]"?: string | string[];
                };
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            items: {
                                applicationName: string;
                                applicationResources: number;
                                /** @enum {string} */
                                applicationType: "POD" | "DIRECTORY" | "LAMBDA" | "IMAGE";
                                environments: string[];
                                id: string;
                                /** @description key=value */
                                labels: string[];
                                packages: number;
                                vulnerabilities: {
                                    count: number;
                                    /** @enum {string} */
                                    severity: "CRITICAL" | "HIGH" | "MEDIUM" | "LOW" | "NEGLIGIBLE" | "UNKNOWN";
                                }[];
                            }[];
                            /** @description rows matching the filters */
                            total: number;
                        };
                    };
                };
                /** @description An error */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @description stable error code, e.g. E_NOT_FOUND */
                            code: string;
                            hint?: string;
                            issues?: {
                                message: string;
                                path: string;
                            }[];
                            message: string;
                        };
                    };
                };
                /** @description An error */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @description stable error code, e.g. E_NOT_FOUND */
                            code: string;
                            hint?: string;
                            issues?: {
                                message: string;
                                path: string;
                            }[];
                            message: string;
                        };
                    };
                };
                /** @description An error */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @description stable error code, e.g. E_NOT_FOUND */
                            code: string;
                            hint?: string;
                            issues?: {
                                message: string;
                                path: string;
                            }[];
                            message: string;
                        };
                    };
                };
            };
        };
        put?: never;
        post: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        /** @default [] */
                        environments?: string[];
                        /** @default [] */
                        labels?: string[];
                        name: string;
                        /** @enum {string} */
                        type: "POD" | "DIRECTORY" | "LAMBDA" | "IMAGE";
                    };
                };
            };
            responses: {
                /** @description Default Response */
                201: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            environments: string[];
                            id: string;
                            labels: string[];
                            name: string;
                            /** @enum {string} */
                            type: "POD" | "DIRECTORY" | "LAMBDA" | "IMAGE";
                        };
                    };
                };
                /** @description An error */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @description stable error code, e.g. E_NOT_FOUND */
                            code: string;
                            hint?: string;
                            issues?: {
                                message: string;
                                path: string;
                            }[];
                            message: string;
                        };
                    };
                };
                /** @description An error */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @description stable error code, e.g. E_NOT_FOUND */
                            code: string;
                            hint?: string;
                            issues?: {
                                message: string;
                                path: string;
                            }[];
                            message: string;
                        };
                    };
                };
                /** @description An error */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @description stable error code, e.g. E_NOT_FOUND */
                            code: string;
                            hint?: string;
                            issues?: {
                                message: string;
                                path: string;
                            }[];
                            message: string;
                        };
                    };
                };
                /** @description Default Response */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            application: {
                                environments: string[];
                                id: string;
                                labels: string[];
                                name: string;
                                /** @enum {string} */
                                type: "POD" | "DIRECTORY" | "LAMBDA" | "IMAGE";
                            };
                            /** @description stable error code, e.g. E_NOT_FOUND */
                            code: string;
                            hint?: string;
                            issues?: {
                                message: string;
                                path: string;
                            }[];
                            message: string;
                        };
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/applications/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            application: {
                                applicationName: string;
                                applicationResources: number;
                                /** @enum {string} */
                                applicationType: "POD" | "DIRECTORY" | "LAMBDA" | "IMAGE";
                                environments: string[];
                                id: string;
                                /** @description key=value */
                                labels: string[];
                                packages: number;
                                vulnerabilities: {
                                    count: number;
                                    /** @enum {string} */
                                    severity: "CRITICAL" | "HIGH" | "MEDIUM" | "LOW" | "NEGLIGIBLE" | "UNKNOWN";
                                }[];
                            };
                            licenses: string[];
                        };
                    };
                };
                /** @description An error */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @description stable error code, e.g. E_NOT_FOUND */
                            code: string;
                            hint?: string;
                            issues?: {
                                message: string;
                                path: string;
                            }[];
                            message: string;
                        };
                    };
                };
                /** @description An error */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @description stable error code, e.g. E_NOT_FOUND */
                            code: string;
                            hint?: string;
                            issues?: {
                                message: string;
                                path: string;
                            }[];
                            message: string;
                        };
                    };
                };
                /** @description An error */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @description stable error code, e.g. E_NOT_FOUND */
                            code: string;
                            hint?: string;
                            issues?: {
                                message: string;
                                path: string;
                            }[];
                            message: string;
                        };
                    };
                };
                /** @description An error */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @description stable error code, e.g. E_NOT_FOUND */
                            code: string;
                            hint?: string;
                            issues?: {
                                message: string;
                                path: string;
                            }[];
                            message: string;
                        };
                    };
                };
            };
        };
        put: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        /** @default [] */
                        environments?: string[];
                        /** @default [] */
                        labels?: string[];
                        name: string;
                        /** @enum {string} */
                        type: "POD" | "DIRECTORY" | "LAMBDA" | "IMAGE";
                    };
                };
            };
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            environments: string[];
                            id: string;
                            labels: string[];
                            name: string;
                            /** @enum {string} */
                            type: "POD" | "DIRECTORY" | "LAMBDA" | "IMAGE";
                        };
                    };
                };
                /** @description An error */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @description stable error code, e.g. E_NOT_FOUND */
                            code: string;
                            hint?: string;
                            issues?: {
                                message: string;
                                path: string;
                            }[];
                            message: string;
                        };
                    };
                };
                /** @description An error */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @description stable error code, e.g. E_NOT_FOUND */
                            code: string;
                            hint?: string;
                            issues?: {
                                message: string;
                                path: string;
                            }[];
                            message: string;
                        };
                    };
                };
                /** @description An error */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @description stable error code, e.g. E_NOT_FOUND */
                            code: string;
                            hint?: string;
                            issues?: {
                                message: string;
                                path: string;
                            }[];
                            message: string;
                        };
                    };
                };
                /** @description An error */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @description stable error code, e.g. E_NOT_FOUND */
                            code: string;
                            hint?: string;
                            issues?: {
                                message: string;
                                path: string;
                            }[];
                            message: string;
                        };
                    };
                };
                /** @description An error */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @description stable error code, e.g. E_NOT_FOUND */
                            code: string;
                            hint?: string;
                            issues?: {
                                message: string;
                                path: string;
                            }[];
                            message: string;
                        };
                    };
                };
            };
        };
        post?: never;
        delete: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                204: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content?: never;
                };
                /** @description An error */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @description stable error code, e.g. E_NOT_FOUND */
                            code: string;
                            hint?: string;
                            issues?: {
                                message: string;
                                path: string;
                            }[];
                            message: string;
                        };
                    };
                };
                /** @description An error */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @description stable error code, e.g. E_NOT_FOUND */
                            code: string;
                            hint?: string;
                            issues?: {
                                message: string;
                                path: string;
                            }[];
                            message: string;
                        };
                    };
                };
                /** @description An error */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @description stable error code, e.g. E_NOT_FOUND */
                            code: string;
                            hint?: string;
                            issues?: {
                                message: string;
                                path: string;
                            }[];
                            message: string;
                        };
                    };
                };
                /** @description An error */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @description stable error code, e.g. E_NOT_FOUND */
                            code: string;
                            hint?: string;
                            issues?: {
                                message: string;
                                path: string;
                            }[];
                            message: string;
                        };
                    };
                };
            };
        };
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/applications/contentAnalysis/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        post: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        analyzers?: string[];
                        durationMs?: number;
                        layers?: {
                            createdBy?: string;
                            diffId: string;
                        }[];
                        os?: {
                            id: string;
                            prettyName?: string;
                            versionId?: string;
                        } & {
                            [key: string]: unknown;
                        };
                        packages: {
                            foundBy?: string[];
                            language?: string;
                            license?: string;
                            licenses?: string[];
                            locations?: {
                                layerDiffId?: string;
                                path: string;
                            }[];
                            name: string;
                            purl?: string;
                            type?: string;
                            version: string;
                        }[];
                        /** Format: date-time */
                        reportedAt?: string;
                        resource: {
                            hash: string;
                            name: string;
                            /** @enum {string} */
                            type: "IMAGE" | "DIRECTORY" | "FILE" | "ROOTFS" | "SBOM";
                        };
                        sbom?: {
                            document: unknown;
                            /** @enum {string} */
                            format: "cyclonedx-json";
                        };
                        /** @enum {string} */
                        source?: "CICD" | "RUNTIME";
                    } | {
                        resources: {
                            packages?: {
                                analyzers?: string[] | null;
                                package: {
                                    language?: string;
                                    license?: string;
                                    name: string;
                                    version?: string;
                                };
                            }[] | null;
                            resource: {
                                resourceHash: string;
                                resourceName?: string;
                                /** @enum {string} */
                                resourceType: "IMAGE" | "DIRECTORY" | "FILE" | "ROOTFS" | "SBOM";
                            };
                        }[];
                    };
                };
            };
            responses: {
                /** @description Default Response */
                201: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            findings: number;
                            packages: number;
                            /** @description findings the resource no longer has */
                            removedFindings: number;
                            /** @description packages the resource no longer has */
                            removedPackages: number;
                            resourceId: string;
                            scanId: string;
                        } | {
                            resources: {
                                findings: number;
                                packages: number;
                                /** @description findings the resource no longer has */
                                removedFindings: number;
                                /** @description packages the resource no longer has */
                                removedPackages: number;
                                resourceId: string;
                                scanId: string;
                            }[];
                        };
                    };
                };
                /** @description An error */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @description stable error code, e.g. E_NOT_FOUND */
                            code: string;
                            hint?: string;
                            issues?: {
                                message: string;
                                path: string;
                            }[];
                            message: string;
                        };
                    };
                };
                /** @description An error */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @description stable error code, e.g. E_NOT_FOUND */
                            code: string;
                            hint?: string;
                            issues?: {
                                message: string;
                                path: string;
                            }[];
                            message: string;
                        };
                    };
                };
                /** @description An error */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @description stable error code, e.g. E_NOT_FOUND */
                            code: string;
                            hint?: string;
                            issues?: {
                                message: string;
                                path: string;
                            }[];
                            message: string;
                        };
                    };
                };
                /** @description An error */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @description stable error code, e.g. E_NOT_FOUND */
                            code: string;
                            hint?: string;
                            issues?: {
                                message: string;
                                path: string;
                            }[];
                            message: string;
                        };
                    };
                };
                /** @description An error */
                413: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @description stable error code, e.g. E_NOT_FOUND */
                            code: string;
                            hint?: string;
                            issues?: {
                                message: string;
                                path: string;
                            }[];
                            message: string;
                        };
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/applications/vulnerabilityScan/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        post: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        cisChecks?: {
                            code: string;
                            descriptions?: string[];
                            /** @enum {string} */
                            level: "INFO" | "WARN" | "FATAL";
                            title?: string;
                        }[];
                        durationMs?: number;
                        findings: {
                            aliases?: string[];
                            cvss?: {
                                v3?: {
                                    score?: number;
                                    vector: string;
                                };
                                v4?: {
                                    score?: number;
                                    vector: string;
                                };
                            };
                            description?: string;
                            epss?: {
                                cveId: string;
                                epss: number;
                                percentile: number;
                            };
                            evidence?: unknown[];
                            fixedVersions?: string[];
                            id: string;
                            installedVersion: string;
                            kev?: {
                                cveId: string;
                            } & {
                                [key: string]: unknown;
                            };
                            links?: string[];
                            packageLanguage?: string;
                            packageName: string;
                            packagePurl?: string;
                            packageType?: string;
                            scanners?: string[];
                            severity?: {
                                /** @enum {string} */
                                level: "CRITICAL" | "HIGH" | "MEDIUM" | "LOW" | "NEGLIGIBLE" | "UNKNOWN";
                                score?: number;
                                source?: string;
                                vector?: string;
                            };
                            summary?: string;
                            suppressed?: boolean;
                        }[];
                        layers?: {
                            createdBy?: string;
                            diffId: string;
                        }[];
                        os?: {
                            id: string;
                            prettyName?: string;
                            versionId?: string;
                        } & {
                            [key: string]: unknown;
                        };
                        packages?: {
                            foundBy?: string[];
                            language?: string;
                            license?: string;
                            licenses?: string[];
                            locations?: {
                                layerDiffId?: string;
                                path: string;
                            }[];
                            name: string;
                            purl?: string;
                            type?: string;
                            version: string;
                        }[];
                        /** Format: date-time */
                        reportedAt?: string;
                        resource: {
                            hash: string;
                            name: string;
                            /** @enum {string} */
                            type: "IMAGE" | "DIRECTORY" | "FILE" | "ROOTFS" | "SBOM";
                        };
                        scanners?: string[];
                        /** @enum {string} */
                        source?: "CICD" | "RUNTIME";
                    } | {
                        resources: {
                            cisDockerBenchmarkResults?: {
                                assessments?: ({
                                    desc?: string;
                                    filename?: string;
                                } & {
                                    [key: string]: unknown;
                                })[] | null;
                                code: string;
                                level: number | ("INFO" | "WARN" | "FATAL" | "PASS" | "SKIP" | "IGNORE");
                            }[] | null;
                            packageVulnerabilities?: {
                                cvss?: {
                                    cvssV3Metrics?: {
                                        baseScore?: number;
                                    } & {
                                        [key: string]: unknown;
                                    };
                                    cvssV3Vector?: {
                                        vector?: string;
                                    } & {
                                        [key: string]: unknown;
                                    };
                                } | null;
                                description?: string;
                                fixVersion?: string;
                                layerID?: string;
                                links?: string[] | null;
                                package: {
                                    language?: string;
                                    license?: string;
                                    name: string;
                                    version?: string;
                                };
                                scanners?: string[] | null;
                                /** @enum {string} */
                                severity?: "CRITICAL" | "HIGH" | "MEDIUM" | "LOW" | "NEGLIGIBLE" | "UNKNOWN";
                                vulnerabilityName: string;
                            }[] | null;
                            resource: {
                                resourceHash: string;
                                resourceName?: string;
                                /** @enum {string} */
                                resourceType: "IMAGE" | "DIRECTORY" | "FILE" | "ROOTFS" | "SBOM";
                            };
                            resourceLayerCommands?: {
                                command?: string;
                                layer?: string;
                            }[] | null;
                        }[];
                    };
                };
            };
            responses: {
                /** @description Default Response */
                201: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            findings: number;
                            packages: number;
                            /** @description findings the resource no longer has */
                            removedFindings: number;
                            /** @description packages the resource no longer has */
                            removedPackages: number;
                            resourceId: string;
                            scanId: string;
                        } | {
                            resources: {
                                findings: number;
                                packages: number;
                                /** @description findings the resource no longer has */
                                removedFindings: number;
                                /** @description packages the resource no longer has */
                                removedPackages: number;
                                resourceId: string;
                                scanId: string;
                            }[];
                        };
                    };
                };
                /** @description An error */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @description stable error code, e.g. E_NOT_FOUND */
                            code: string;
                            hint?: string;
                            issues?: {
                                message: string;
                                path: string;
                            }[];
                            message: string;
                        };
                    };
                };
                /** @description An error */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @description stable error code, e.g. E_NOT_FOUND */
                            code: string;
                            hint?: string;
                            issues?: {
                                message: string;
                                path: string;
                            }[];
                            message: string;
                        };
                    };
                };
                /** @description An error */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @description stable error code, e.g. E_NOT_FOUND */
                            code: string;
                            hint?: string;
                            issues?: {
                                message: string;
                                path: string;
                            }[];
                            message: string;
                        };
                    };
                };
                /** @description An error */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @description stable error code, e.g. E_NOT_FOUND */
                            code: string;
                            hint?: string;
                            issues?: {
                                message: string;
                                path: string;
                            }[];
                            message: string;
                        };
                    };
                };
                /** @description An error */
                413: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @description stable error code, e.g. E_NOT_FOUND */
                            code: string;
                            hint?: string;
                            issues?: {
                                message: string;
                                path: string;
                            }[];
                            message: string;
                        };
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/auth/audit": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get: {
            parameters: {
                query?: {
                    page?: number;
                    pageSize?: number;
                };
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            items: {
                                action: string;
                                actor: string;
                                address: string;
                                status: number;
                                target: string;
                                time: string;
                            }[];
                            total: number;
                        };
                    };
                };
                /** @description An error */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @description stable error code, e.g. E_NOT_FOUND */
                            code: string;
                            hint?: string;
                            issues?: {
                                message: string;
                                path: string;
                            }[];
                            message: string;
                        };
                    };
                };
                /** @description An error */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @description stable error code, e.g. E_NOT_FOUND */
                            code: string;
                            hint?: string;
                            issues?: {
                                message: string;
                                path: string;
                            }[];
                            message: string;
                        };
                    };
                };
                /** @description An error */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @description stable error code, e.g. E_NOT_FOUND */
                            code: string;
                            hint?: string;
                            issues?: {
                                message: string;
                                path: string;
                            }[];
                            message: string;
                        };
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/auth/login": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        post: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        name: string;
                        password: string;
                    };
                };
            };
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            expiresAt: string;
                            /** @description session token: send it as "Authorization: Bearer <token>" */
                            token: string;
                            user: {
                                createdAt: string;
                                id: string;
                                name: string;
                                /**
                                 * @description viewer reads; writer also ingests (CI export); admin also manages
                                 * @enum {string}
                                 */
                                role: "viewer" | "writer" | "admin";
                            };
                        };
                    };
                };
                /** @description An error */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @description stable error code, e.g. E_NOT_FOUND */
                            code: string;
                            hint?: string;
                            issues?: {
                                message: string;
                                path: string;
                            }[];
                            message: string;
                        };
                    };
                };
                /** @description An error */
                429: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @description stable error code, e.g. E_NOT_FOUND */
                            code: string;
                            hint?: string;
                            issues?: {
                                message: string;
                                path: string;
                            }[];
                            message: string;
                        };
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/auth/logout": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        post: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                204: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content?: never;
                };
                /** @description An error */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @description stable error code, e.g. E_NOT_FOUND */
                            code: string;
                            hint?: string;
                            issues?: {
                                message: string;
                                path: string;
                            }[];
                            message: string;
                        };
                    };
                };
                /** @description An error */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @description stable error code, e.g. E_NOT_FOUND */
                            code: string;
                            hint?: string;
                            issues?: {
                                message: string;
                                path: string;
                            }[];
                            message: string;
                        };
                    };
                };
                /** @description An error */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @description stable error code, e.g. E_NOT_FOUND */
                            code: string;
                            hint?: string;
                            issues?: {
                                message: string;
                                path: string;
                            }[];
                            message: string;
                        };
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/auth/me": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @enum {string} */
                            kind: "token" | "session" | "anonymous";
                            name: string;
                            role: ("viewer" | "writer" | "admin") | null;
                        };
                    };
                };
                /** @description An error */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @description stable error code, e.g. E_NOT_FOUND */
                            code: string;
                            hint?: string;
                            issues?: {
                                message: string;
                                path: string;
                            }[];
                            message: string;
                        };
                    };
                };
                /** @description An error */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @description stable error code, e.g. E_NOT_FOUND */
                            code: string;
                            hint?: string;
                            issues?: {
                                message: string;
                                path: string;
                            }[];
                            message: string;
                        };
                    };
                };
                /** @description An error */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @description stable error code, e.g. E_NOT_FOUND */
                            code: string;
                            hint?: string;
                            issues?: {
                                message: string;
                                path: string;
                            }[];
                            message: string;
                        };
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/auth/tokens": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            createdAt: string;
                            expiresAt: string | null;
                            id: string;
                            /** @enum {string} */
                            kind: "api" | "session";
                            lastUsedAt: string | null;
                            name: string;
                            /**
                             * @description viewer reads; writer also ingests (CI export); admin also manages
                             * @enum {string}
                             */
                            role: "viewer" | "writer" | "admin";
                        }[];
                    };
                };
                /** @description An error */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @description stable error code, e.g. E_NOT_FOUND */
                            code: string;
                            hint?: string;
                            issues?: {
                                message: string;
                                path: string;
                            }[];
                            message: string;
                        };
                    };
                };
                /** @description An error */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @description stable error code, e.g. E_NOT_FOUND */
                            code: string;
                            hint?: string;
                            issues?: {
                                message: string;
                                path: string;
                            }[];
                            message: string;
                        };
                    };
                };
                /** @description An error */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @description stable error code, e.g. E_NOT_FOUND */
                            code: string;
                            hint?: string;
                            issues?: {
                                message: string;
                                path: string;
                            }[];
                            message: string;
                        };
                    };
                };
            };
        };
        put?: never;
        post: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        /** @description absent: never expires */
                        expiresAt?: string | null;
                        name: string;
                        /**
                         * @description viewer reads; writer also ingests (CI export); admin also manages
                         * @enum {string}
                         */
                        role: "viewer" | "writer" | "admin";
                    };
                };
            };
            responses: {
                /** @description Default Response */
                201: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            createdAt: string;
                            expiresAt: string | null;
                            id: string;
                            /** @enum {string} */
                            kind: "api" | "session";
                            lastUsedAt: string | null;
                            name: string;
                            /**
                             * @description viewer reads; writer also ingests (CI export); admin also manages
                             * @enum {string}
                             */
                            role: "viewer" | "writer" | "admin";
                            token: string;
                        };
                    };
                };
                /** @description An error */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @description stable error code, e.g. E_NOT_FOUND */
                            code: string;
                            hint?: string;
                            issues?: {
                                message: string;
                                path: string;
                            }[];
                            message: string;
                        };
                    };
                };
                /** @description An error */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @description stable error code, e.g. E_NOT_FOUND */
                            code: string;
                            hint?: string;
                            issues?: {
                                message: string;
                                path: string;
                            }[];
                            message: string;
                        };
                    };
                };
                /** @description An error */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @description stable error code, e.g. E_NOT_FOUND */
                            code: string;
                            hint?: string;
                            issues?: {
                                message: string;
                                path: string;
                            }[];
                            message: string;
                        };
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/auth/tokens/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        post?: never;
        delete: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                204: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content?: never;
                };
                /** @description An error */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @description stable error code, e.g. E_NOT_FOUND */
                            code: string;
                            hint?: string;
                            issues?: {
                                message: string;
                                path: string;
                            }[];
                            message: string;
                        };
                    };
                };
                /** @description An error */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @description stable error code, e.g. E_NOT_FOUND */
                            code: string;
                            hint?: string;
                            issues?: {
                                message: string;
                                path: string;
                            }[];
                            message: string;
                        };
                    };
                };
                /** @description An error */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @description stable error code, e.g. E_NOT_FOUND */
                            code: string;
                            hint?: string;
                            issues?: {
                                message: string;
                                path: string;
                            }[];
                            message: string;
                        };
                    };
                };
                /** @description An error */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @description stable error code, e.g. E_NOT_FOUND */
                            code: string;
                            hint?: string;
                            issues?: {
                                message: string;
                                path: string;
                            }[];
                            message: string;
                        };
                    };
                };
            };
        };
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/auth/users": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            createdAt: string;
                            id: string;
                            name: string;
                            /**
                             * @description viewer reads; writer also ingests (CI export); admin also manages
                             * @enum {string}
                             */
                            role: "viewer" | "writer" | "admin";
                        }[];
                    };
                };
                /** @description An error */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @description stable error code, e.g. E_NOT_FOUND */
                            code: string;
                            hint?: string;
                            issues?: {
                                message: string;
                                path: string;
                            }[];
                            message: string;
                        };
                    };
                };
                /** @description An error */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @description stable error code, e.g. E_NOT_FOUND */
                            code: string;
                            hint?: string;
                            issues?: {
                                message: string;
                                path: string;
                            }[];
                            message: string;
                        };
                    };
                };
                /** @description An error */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @description stable error code, e.g. E_NOT_FOUND */
                            code: string;
                            hint?: string;
                            issues?: {
                                message: string;
                                path: string;
                            }[];
                            message: string;
                        };
                    };
                };
            };
        };
        put?: never;
        post: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        name: string;
                        password: string;
                        /**
                         * @description viewer reads; writer also ingests (CI export); admin also manages
                         * @enum {string}
                         */
                        role: "viewer" | "writer" | "admin";
                    };
                };
            };
            responses: {
                /** @description Default Response */
                201: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            createdAt: string;
                            id: string;
                            name: string;
                            /**
                             * @description viewer reads; writer also ingests (CI export); admin also manages
                             * @enum {string}
                             */
                            role: "viewer" | "writer" | "admin";
                        };
                    };
                };
                /** @description An error */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @description stable error code, e.g. E_NOT_FOUND */
                            code: string;
                            hint?: string;
                            issues?: {
                                message: string;
                                path: string;
                            }[];
                            message: string;
                        };
                    };
                };
                /** @description An error */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @description stable error code, e.g. E_NOT_FOUND */
                            code: string;
                            hint?: string;
                            issues?: {
                                message: string;
                                path: string;
                            }[];
                            message: string;
                        };
                    };
                };
                /** @description An error */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @description stable error code, e.g. E_NOT_FOUND */
                            code: string;
                            hint?: string;
                            issues?: {
                                message: string;
                                path: string;
                            }[];
                            message: string;
                        };
                    };
                };
                /** @description An error */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @description stable error code, e.g. E_NOT_FOUND */
                            code: string;
                            hint?: string;
                            issues?: {
                                message: string;
                                path: string;
                            }[];
                            message: string;
                        };
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/auth/users/{name}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    name: string;
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        password?: string;
                        /**
                         * @description viewer reads; writer also ingests (CI export); admin also manages
                         * @enum {string}
                         */
                        role?: "viewer" | "writer" | "admin";
                    };
                };
            };
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            createdAt: string;
                            id: string;
                            name: string;
                            /**
                             * @description viewer reads; writer also ingests (CI export); admin also manages
                             * @enum {string}
                             */
                            role: "viewer" | "writer" | "admin";
                        };
                    };
                };
                /** @description An error */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @description stable error code, e.g. E_NOT_FOUND */
                            code: string;
                            hint?: string;
                            issues?: {
                                message: string;
                                path: string;
                            }[];
                            message: string;
                        };
                    };
                };
                /** @description An error */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @description stable error code, e.g. E_NOT_FOUND */
                            code: string;
                            hint?: string;
                            issues?: {
                                message: string;
                                path: string;
                            }[];
                            message: string;
                        };
                    };
                };
                /** @description An error */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @description stable error code, e.g. E_NOT_FOUND */
                            code: string;
                            hint?: string;
                            issues?: {
                                message: string;
                                path: string;
                            }[];
                            message: string;
                        };
                    };
                };
                /** @description An error */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @description stable error code, e.g. E_NOT_FOUND */
                            code: string;
                            hint?: string;
                            issues?: {
                                message: string;
                                path: string;
                            }[];
                            message: string;
                        };
                    };
                };
            };
        };
        post?: never;
        delete: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    name: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                204: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content?: never;
                };
                /** @description An error */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @description stable error code, e.g. E_NOT_FOUND */
                            code: string;
                            hint?: string;
                            issues?: {
                                message: string;
                                path: string;
                            }[];
                            message: string;
                        };
                    };
                };
                /** @description An error */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @description stable error code, e.g. E_NOT_FOUND */
                            code: string;
                            hint?: string;
                            issues?: {
                                message: string;
                                path: string;
                            }[];
                            message: string;
                        };
                    };
                };
                /** @description An error */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @description stable error code, e.g. E_NOT_FOUND */
                            code: string;
                            hint?: string;
                            issues?: {
                                message: string;
                                path: string;
                            }[];
                            message: string;
                        };
                    };
                };
                /** @description An error */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @description stable error code, e.g. E_NOT_FOUND */
                            code: string;
                            hint?: string;
                            issues?: {
                                message: string;
                                path: string;
                            }[];
                            message: string;
                        };
                    };
                };
            };
        };
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/cisdockerbenchmarkresults/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get: {
            parameters: {
                query?: {
                    sortDir?: "ASC" | "DESC";
                    sortKey?: "code" | "level";
                };
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            items: {
                                code: string;
                                desc: string;
                                /** @enum {string} */
                                level: "INFO" | "WARN" | "FATAL";
                                title: string;
                            }[];
                            total: number;
                        };
                    };
                };
                /** @description An error */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @description stable error code, e.g. E_NOT_FOUND */
                            code: string;
                            hint?: string;
                            issues?: {
                                message: string;
                                path: string;
                            }[];
                            message: string;
                        };
                    };
                };
                /** @description An error */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @description stable error code, e.g. E_NOT_FOUND */
                            code: string;
                            hint?: string;
                            issues?: {
                                message: string;
                                path: string;
                            }[];
                            message: string;
                        };
                    };
                };
                /** @description An error */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @description stable error code, e.g. E_NOT_FOUND */
                            code: string;
                            hint?: string;
                            issues?: {
                                message: string;
                                path: string;
                            }[];
                            message: string;
                        };
                    };
                };
                /** @description An error */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @description stable error code, e.g. E_NOT_FOUND */
                            code: string;
                            hint?: string;
                            issues?: {
                                message: string;
                                path: string;
                            }[];
                            message: string;
                        };
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/dashboard/counters": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            applications: number;
                            packages: number;
                            resources: number;
                        };
                    };
                };
                /** @description An error */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @description stable error code, e.g. E_NOT_FOUND */
                            code: string;
                            hint?: string;
                            issues?: {
                                message: string;
                                path: string;
                            }[];
                            message: string;
                        };
                    };
                };
                /** @description An error */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @description stable error code, e.g. E_NOT_FOUND */
                            code: string;
                            hint?: string;
                            issues?: {
                                message: string;
                                path: string;
                            }[];
                            message: string;
                        };
                    };
                };
                /** @description An error */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @description stable error code, e.g. E_NOT_FOUND */
                            code: string;
                            hint?: string;
                            issues?: {
                                message: string;
                                path: string;
                            }[];
                            message: string;
                        };
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/dashboard/mostVulnerable": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            applications: {
                                applicationName: string;
                                applicationResources: number;
                                /** @enum {string} */
                                applicationType: "POD" | "DIRECTORY" | "LAMBDA" | "IMAGE";
                                environments: string[];
                                id: string;
                                /** @description key=value */
                                labels: string[];
                                packages: number;
                                vulnerabilities: {
                                    count: number;
                                    /** @enum {string} */
                                    severity: "CRITICAL" | "HIGH" | "MEDIUM" | "LOW" | "NEGLIGIBLE" | "UNKNOWN";
                                }[];
                            }[];
                            packages: {
                                applicationResources: number;
                                applications: number;
                                id: string;
                                language: string;
                                /** @description the licenses joined with AND */
                                license: string;
                                licenses: string[];
                                packageName: string;
                                purl: string | null;
                                /** @description purl type */
                                type: string;
                                version: string;
                                vulnerabilities: {
                                    count: number;
                                    /** @enum {string} */
                                    severity: "CRITICAL" | "HIGH" | "MEDIUM" | "LOW" | "NEGLIGIBLE" | "UNKNOWN";
                                }[];
                            }[];
                            resources: {
                                applications: number;
                                id: string;
                                packages: number;
                                reportingSBOMAnalyzers: string[];
                                resourceHash: string;
                                resourceName: string;
                                /** @enum {string} */
                                resourceType: "IMAGE" | "DIRECTORY" | "FILE" | "ROOTFS" | "SBOM";
                                vulnerabilities: {
                                    count: number;
                                    /** @enum {string} */
                                    severity: "CRITICAL" | "HIGH" | "MEDIUM" | "LOW" | "NEGLIGIBLE" | "UNKNOWN";
                                }[];
                            }[];
                        };
                    };
                };
                /** @description An error */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @description stable error code, e.g. E_NOT_FOUND */
                            code: string;
                            hint?: string;
                            issues?: {
                                message: string;
                                path: string;
                            }[];
                            message: string;
                        };
                    };
                };
                /** @description An error */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @description stable error code, e.g. E_NOT_FOUND */
                            code: string;
                            hint?: string;
                            issues?: {
                                message: string;
                                path: string;
                            }[];
                            message: string;
                        };
                    };
                };
                /** @description An error */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @description stable error code, e.g. E_NOT_FOUND */
                            code: string;
                            hint?: string;
                            issues?: {
                                message: string;
                                path: string;
                            }[];
                            message: string;
                        };
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/dashboard/packagesPerLanguage": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            count: number;
                            language: string;
                        }[];
                    };
                };
                /** @description An error */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @description stable error code, e.g. E_NOT_FOUND */
                            code: string;
                            hint?: string;
                            issues?: {
                                message: string;
                                path: string;
                            }[];
                            message: string;
                        };
                    };
                };
                /** @description An error */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @description stable error code, e.g. E_NOT_FOUND */
                            code: string;
                            hint?: string;
                            issues?: {
                                message: string;
                                path: string;
                            }[];
                            message: string;
                        };
                    };
                };
                /** @description An error */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @description stable error code, e.g. E_NOT_FOUND */
                            code: string;
                            hint?: string;
                            issues?: {
                                message: string;
                                path: string;
                            }[];
                            message: string;
                        };
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/dashboard/packagesPerLicense": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            count: number;
                            license: string;
                        }[];
                    };
                };
                /** @description An error */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @description stable error code, e.g. E_NOT_FOUND */
                            code: string;
                            hint?: string;
                            issues?: {
                                message: string;
                                path: string;
                            }[];
                            message: string;
                        };
                    };
                };
                /** @description An error */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @description stable error code, e.g. E_NOT_FOUND */
                            code: string;
                            hint?: string;
                            issues?: {
                                message: string;
                                path: string;
                            }[];
                            message: string;
                        };
                    };
                };
                /** @description An error */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @description stable error code, e.g. E_NOT_FOUND */
                            code: string;
                            hint?: string;
                            issues?: {
                                message: string;
                                path: string;
                            }[];
                            message: string;
                        };
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/dashboard/trends/vulnerabilities": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get: {
            parameters: {
                query: {
                    /** @description end of the range (ISO 8601) */
                    endTime: string;
                    /** @description how many intervals the range is cut into */
                    points?: number;
                    /** @description start of the range (ISO 8601) */
                    startTime: string;
                };
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            numOfVuls: {
                                count: number;
                                /** @enum {string} */
                                severity: "CRITICAL" | "HIGH" | "MEDIUM" | "LOW" | "NEGLIGIBLE" | "UNKNOWN";
                            }[];
                            time: string;
                        }[];
                    };
                };
                /** @description An error */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @description stable error code, e.g. E_NOT_FOUND */
                            code: string;
                            hint?: string;
                            issues?: {
                                message: string;
                                path: string;
                            }[];
                            message: string;
                        };
                    };
                };
                /** @description An error */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @description stable error code, e.g. E_NOT_FOUND */
                            code: string;
                            hint?: string;
                            issues?: {
                                message: string;
                                path: string;
                            }[];
                            message: string;
                        };
                    };
                };
                /** @description An error */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @description stable error code, e.g. E_NOT_FOUND */
                            code: string;
                            hint?: string;
                            issues?: {
                                message: string;
                                path: string;
                            }[];
                            message: string;
                        };
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/dashboard/vulnerabilitiesWithFix": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            countTotal: number;
                            countWithFix: number;
                            /** @enum {string} */
                            severity: "CRITICAL" | "HIGH" | "MEDIUM" | "LOW" | "NEGLIGIBLE" | "UNKNOWN";
                        }[];
                    };
                };
                /** @description An error */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @description stable error code, e.g. E_NOT_FOUND */
                            code: string;
                            hint?: string;
                            issues?: {
                                message: string;
                                path: string;
                            }[];
                            message: string;
                        };
                    };
                };
                /** @description An error */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @description stable error code, e.g. E_NOT_FOUND */
                            code: string;
                            hint?: string;
                            issues?: {
                                message: string;
                                path: string;
                            }[];
                            message: string;
                        };
                    };
                };
                /** @description An error */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @description stable error code, e.g. E_NOT_FOUND */
                            code: string;
                            hint?: string;
                            issues?: {
                                message: string;
                                path: string;
                            }[];
                            message: string;
                        };
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/namespaces": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            name: string;
                        }[];
                    };
                };
                /** @description An error */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @description stable error code, e.g. E_NOT_FOUND */
                            code: string;
                            hint?: string;
                            issues?: {
                                message: string;
                                path: string;
                            }[];
                            message: string;
                        };
                    };
                };
                /** @description An error */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @description stable error code, e.g. E_NOT_FOUND */
                            code: string;
                            hint?: string;
                            issues?: {
                                message: string;
                                path: string;
                            }[];
                            message: string;
                        };
                    };
                };
                /** @description An error */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @description stable error code, e.g. E_NOT_FOUND */
                            code: string;
                            hint?: string;
                            issues?: {
                                message: string;
                                path: string;
                            }[];
                            message: string;
                        };
                    };
                };
                /** @description An error */
                502: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @description stable error code, e.g. E_NOT_FOUND */
                            code: string;
                            hint?: string;
                            issues?: {
                                message: string;
                                path: string;
                            }[];
                            message: string;
                        };
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/packages": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get: {
            parameters: {
                query?: {
                    /** @description scope to one id */
                    applicationID?: string;
                    /** @description scope to one id */
                    applicationResourceID?: string;
                    /** @description number filter */
                    "applicationResources[gte]"?: string | string[];
                    /** @description number filter */
                    "applicationResources[is]"?: string | string[];
                    /** @description number filter */
                    "applicationResources[isNot]"?: string | string[];
                    /** @description number filter */
                    "applicationResources[lte]"?: string | string[];
                    /** @description number filter */
                    "applications[gte]"?: string | string[];
                    /** @description number filter */
                    "applications[is]"?: string | string[];
                    /** @description number filter */
                    "applications[isNot]"?: string | string[];
                    /** @description number filter */
                    "applications[lte]"?: string | string[];
                    /** @description true */
                    currentRuntimeScan?: string;
                    /** @description csv: the same rows as CSV (also with Accept: text/csv) */
                    format?: "json" | "csv";
                    /** @description string filter */
                    "language[contains]"?: string | string[];
                    /** @description string filter */
                    "language[end]"?: string | string[];
                    /** @description string filter */
                    "language[is]"?: string | string[];
                    /** @description string filter */
                    "language[isNot]"?: string | string[];
                    /** @description string filter */
                    "language[start]"?: string | string[];
                    /** @description string filter */
                    "license[contains]"?: string | string[];
                    /** @description string filter */
                    "license[end]"?: string | string[];
                    /** @description string filter */
                    "license[is]"?: string | string[];
                    /** @description string filter */
                    "license[isNot]"?: string | string[];
                    /** @description string filter */
                    "license[start]"?: string | string[];
                    /** @description string filter */
                    "packageName[contains]"?: string | string[];
                    /** @description string filter */
                    "packageName[end]"?: string | string[];
                    /** @description string filter */
                    "packageName[is]"?: string | string[];
                    /** @description string filter */
                    "packageName[isNot]"?: string | string[];
                    /** @description string filter */
                    "packageName[start]"?: string | string[];
                    /** @description string filter */
                    "packageVersion[contains]"?: string | string[];
                    /** @description string filter */
                    "packageVersion[end]"?: string | string[];
                    /** @description string filter */
                    "packageVersion[is]"?: string | string[];
                    /** @description string filter */
                    "packageVersion[isNot]"?: string | string[];
                    /** @description string filter */
                    "packageVersion[start]"?: string | string[];
                    /** @description page number, from 1 (default 1) */
                    page?: string;
                    /** @description rows per page, 1 to 100 (default 50) */
                    pageSize?: string;
                    /** @description ASC (default) or DESC */
                    sortDir?: string;
                    /** @description one of packageName, version, language, license, vulnerabilities, applications, applicationResources (default packageName) */
                    sortKey?: string;
                    /** @description severity filter */
                    "vulnerabilitySeverity[gte]"?: string | string[];
                    /** @description severity filter */
                    "vulnerabilitySeverity[lte]"?: string | string[];
                };
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            items: {
                                applicationResources: number;
                                applications: number;
                                id: string;
                                language: string;
                                /** @description the licenses joined with AND */
                                license: string;
                                licenses: string[];
                                packageName: string;
                                purl: string | null;
                                /** @description purl type */
                                type: string;
                                version: string;
                                vulnerabilities: {
                                    count: number;
                                    /** @enum {string} */
                                    severity: "CRITICAL" | "HIGH" | "MEDIUM" | "LOW" | "NEGLIGIBLE" | "UNKNOWN";
                                }[];
                            }[];
                            /** @description rows matching the filters */
                            total: number;
                        };
                    };
                };
                /** @description An error */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @description stable error code, e.g. E_NOT_FOUND */
                            code: string;
                            hint?: string;
                            issues?: {
                                message: string;
                                path: string;
                            }[];
                            message: string;
                        };
                    };
                };
                /** @description An error */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @description stable error code, e.g. E_NOT_FOUND */
                            code: string;
                            hint?: string;
                            issues?: {
                                message: string;
                                path: string;
                            }[];
                            message: string;
                        };
                    };
                };
                /** @description An error */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @description stable error code, e.g. E_NOT_FOUND */
                            code: string;
                            hint?: string;
                            issues?: {
                                message: string;
                                path: string;
                            }[];
                            message: string;
                        };
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/packages/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            applicationResources: number;
                            applications: number;
                            id: string;
                            language: string;
                            /** @description the licenses joined with AND */
                            license: string;
                            licenses: string[];
                            packageName: string;
                            purl: string | null;
                            /** @description purl type */
                            type: string;
                            version: string;
                            vulnerabilities: {
                                count: number;
                                /** @enum {string} */
                                severity: "CRITICAL" | "HIGH" | "MEDIUM" | "LOW" | "NEGLIGIBLE" | "UNKNOWN";
                            }[];
                        };
                    };
                };
                /** @description An error */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @description stable error code, e.g. E_NOT_FOUND */
                            code: string;
                            hint?: string;
                            issues?: {
                                message: string;
                                path: string;
                            }[];
                            message: string;
                        };
                    };
                };
                /** @description An error */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @description stable error code, e.g. E_NOT_FOUND */
                            code: string;
                            hint?: string;
                            issues?: {
                                message: string;
                                path: string;
                            }[];
                            message: string;
                        };
                    };
                };
                /** @description An error */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @description stable error code, e.g. E_NOT_FOUND */
                            code: string;
                            hint?: string;
                            issues?: {
                                message: string;
                                path: string;
                            }[];
                            message: string;
                        };
                    };
                };
                /** @description An error */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @description stable error code, e.g. E_NOT_FOUND */
                            code: string;
                            hint?: string;
                            issues?: {
                                message: string;
                                path: string;
                            }[];
                            message: string;
                        };
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/packages/{id}/applicationResources": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get: {
            parameters: {
                query?: {
                    /** @description csv: the same rows as CSV (also with Accept: text/csv) */
                    format?: "json" | "csv";
                    /** @description page number, from 1 (default 1) */
                    page?: string;
                    /** @description rows per page, 1 to 100 (default 50) */
                    pageSize?: string;
                    /** @description elements filter */
                    "reportingSBOMAnalyzers[containElements]"?: string | string[];
                    /** @description elements filter */
                    "reportingSBOMAnalyzers[doesntContainElements]"?: string | string[];
                    /** @description string filter */
                    "resourceHash[contains]"?: string | string[];
                    /** @description string filter */
                    "resourceHash[end]"?: string | string[];
                    /** @description string filter */
                    "resourceHash[is]"?: string | string[];
                    /** @description string filter */
                    "resourceHash[isNot]"?: string | string[];
                    /** @description string filter */
                    "resourceHash[start]"?: string | string[];
                    /** @description string filter */
                    "resourceName[contains]"?: string | string[];
                    /** @description string filter */
                    "resourceName[end]"?: string | string[];
                    /** @description string filter */
                    "resourceName[is]"?: string | string[];
                    /** @description string filter */
                    "resourceName[isNot]"?: string | string[];
                    /** @description string filter */
                    "resourceName[start]"?: string | string[];
                    /** @description ASC (default) or DESC */
                    sortDir?: string;
                    /** @description one of resourceName, resourceHash (default resourceName) */
                    sortKey?: string;
                };
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            items: {
                                layerDiffId: string | null;
                                packageID: string;
                                path: string | null;
                                reportingSBOMAnalyzers: string[];
                                resourceHash: string;
                                resourceID: string;
                                resourceName: string;
                            }[];
                            /** @description rows matching the filters */
                            total: number;
                        };
                    };
                };
                /** @description An error */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @description stable error code, e.g. E_NOT_FOUND */
                            code: string;
                            hint?: string;
                            issues?: {
                                message: string;
                                path: string;
                            }[];
                            message: string;
                        };
                    };
                };
                /** @description An error */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @description stable error code, e.g. E_NOT_FOUND */
                            code: string;
                            hint?: string;
                            issues?: {
                                message: string;
                                path: string;
                            }[];
                            message: string;
                        };
                    };
                };
                /** @description An error */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @description stable error code, e.g. E_NOT_FOUND */
                            code: string;
                            hint?: string;
                            issues?: {
                                message: string;
                                path: string;
                            }[];
                            message: string;
                        };
                    };
                };
                /** @description An error */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @description stable error code, e.g. E_NOT_FOUND */
                            code: string;
                            hint?: string;
                            issues?: {
                                message: string;
                                path: string;
                            }[];
                            message: string;
                        };
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/runtime/quickscan/config": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            cisDockerBenchmarkScanEnabled: boolean;
                            maxScanParallelism: number;
                        };
                    };
                };
                /** @description An error */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @description stable error code, e.g. E_NOT_FOUND */
                            code: string;
                            hint?: string;
                            issues?: {
                                message: string;
                                path: string;
                            }[];
                            message: string;
                        };
                    };
                };
                /** @description An error */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @description stable error code, e.g. E_NOT_FOUND */
                            code: string;
                            hint?: string;
                            issues?: {
                                message: string;
                                path: string;
                            }[];
                            message: string;
                        };
                    };
                };
                /** @description An error */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @description stable error code, e.g. E_NOT_FOUND */
                            code: string;
                            hint?: string;
                            issues?: {
                                message: string;
                                path: string;
                            }[];
                            message: string;
                        };
                    };
                };
            };
        };
        put: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        cisDockerBenchmarkScanEnabled: boolean;
                        maxScanParallelism: number;
                    };
                };
            };
            responses: {
                /** @description Default Response */
                201: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": Record<string, never>;
                    };
                };
                /** @description An error */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @description stable error code, e.g. E_NOT_FOUND */
                            code: string;
                            hint?: string;
                            issues?: {
                                message: string;
                                path: string;
                            }[];
                            message: string;
                        };
                    };
                };
                /** @description An error */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @description stable error code, e.g. E_NOT_FOUND */
                            code: string;
                            hint?: string;
                            issues?: {
                                message: string;
                                path: string;
                            }[];
                            message: string;
                        };
                    };
                };
                /** @description An error */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @description stable error code, e.g. E_NOT_FOUND */
                            code: string;
                            hint?: string;
                            issues?: {
                                message: string;
                                path: string;
                            }[];
                            message: string;
                        };
                    };
                };
            };
        };
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/runtime/scan/progress": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            scanned: number;
                            scannedNamespaces: string[];
                            /** @enum {string} */
                            scanType?: "QUICK" | "SCHEDULE";
                            startTime?: string;
                            /** @enum {string} */
                            status: "NOT_STARTED" | "IN_PROGRESS" | "FINALIZING" | "DONE";
                        };
                    };
                };
                /** @description An error */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @description stable error code, e.g. E_NOT_FOUND */
                            code: string;
                            hint?: string;
                            issues?: {
                                message: string;
                                path: string;
                            }[];
                            message: string;
                        };
                    };
                };
                /** @description An error */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @description stable error code, e.g. E_NOT_FOUND */
                            code: string;
                            hint?: string;
                            issues?: {
                                message: string;
                                path: string;
                            }[];
                            message: string;
                        };
                    };
                };
                /** @description An error */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @description stable error code, e.g. E_NOT_FOUND */
                            code: string;
                            hint?: string;
                            issues?: {
                                message: string;
                                path: string;
                            }[];
                            message: string;
                        };
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/runtime/scan/results": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get: {
            parameters: {
                query?: {
                    "cisDockerBenchmarkLevel[gte]"?: "INFO" | "WARN" | "FATAL";
                    "vulnerabilitySeverity[gte]"?: "CRITICAL" | "HIGH" | "MEDIUM" | "LOW" | "NEGLIGIBLE" | "UNKNOWN";
                };
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            cisDockerBenchmarkCountPerLevel: {
                                count: number;
                                level: string;
                            }[];
                            cisDockerBenchmarkScanEnabled: boolean;
                            counters: {
                                applications: number;
                                packages: number;
                                resources: number;
                                vulnerabilities: number;
                            };
                            endTime?: string;
                            failures: {
                                message: string;
                            }[];
                            images: {
                                /**
                                 * @description pull: analyzed from the registry; rematch: its stored SBOM matched again; current: already up to date
                                 * @enum {string}
                                 */
                                action: "pull" | "rematch" | "current";
                                digest: string;
                                finishedAt?: string;
                                /** @description the image as pods name it */
                                name: string;
                                /** @description `namespace/pod` of every pod that runs it */
                                pods: string[];
                                /** @description why it failed */
                                reason?: string;
                                startedAt?: string;
                                /** @enum {string} */
                                state: "queued" | "pulling" | "analyzing" | "matching" | "done" | "failed";
                            }[];
                            /** @description the last run, null before the first */
                            run: {
                                actor: string;
                                failures: string[];
                                finishedAt?: string;
                                id: string;
                                /** @enum {string} */
                                kind: "QUICK" | "SCHEDULE";
                                /** @description namespaces asked for; empty means all */
                                namespaces: string[];
                                options: {
                                    cis: boolean;
                                    parallelism: number;
                                    timeoutMs: number;
                                };
                                scannedNamespaces: string[];
                                scheduleId?: string;
                                startedAt: string;
                                /** @enum {string} */
                                status: "NOT_STARTED" | "IN_PROGRESS" | "FINALIZING" | "DONE" | "ABORTED" | "FAILED";
                                summary?: {
                                    applications: number;
                                    /** @description CIS results per level over the images checked */
                                    cis: {
                                        [key: string]: number;
                                    };
                                    containers: number;
                                    /** @description stored images already matched with the current advisory database */
                                    current: number;
                                    failed: number;
                                    images: number;
                                    /** @description distinct packages (by purl) across the scanned images */
                                    packages: number;
                                    pods: number;
                                    pulled: number;
                                    rematched: number;
                                    /** @description pods left out by the `lucent.io/scan: "false"` label or annotation */
                                    skippedPods: number;
                                    /** @description distinct pairs per severity level */
                                    vulnerabilities: {
                                        [key: string]: number;
                                    };
                                };
                            } | null;
                            vulnerabilityPerSeverity: {
                                count: number;
                                severity: string;
                            }[];
                        };
                    };
                };
                /** @description An error */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @description stable error code, e.g. E_NOT_FOUND */
                            code: string;
                            hint?: string;
                            issues?: {
                                message: string;
                                path: string;
                            }[];
                            message: string;
                        };
                    };
                };
                /** @description An error */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @description stable error code, e.g. E_NOT_FOUND */
                            code: string;
                            hint?: string;
                            issues?: {
                                message: string;
                                path: string;
                            }[];
                            message: string;
                        };
                    };
                };
                /** @description An error */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @description stable error code, e.g. E_NOT_FOUND */
                            code: string;
                            hint?: string;
                            issues?: {
                                message: string;
                                path: string;
                            }[];
                            message: string;
                        };
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/runtime/scan/start": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        excludeNamespaces?: string[];
                        /** @default [] */
                        namespaces?: string[];
                    };
                };
            };
            responses: {
                /** @description Default Response */
                201: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": Record<string, never>;
                    };
                };
                /** @description An error */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @description stable error code, e.g. E_NOT_FOUND */
                            code: string;
                            hint?: string;
                            issues?: {
                                message: string;
                                path: string;
                            }[];
                            message: string;
                        };
                    };
                };
                /** @description An error */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @description stable error code, e.g. E_NOT_FOUND */
                            code: string;
                            hint?: string;
                            issues?: {
                                message: string;
                                path: string;
                            }[];
                            message: string;
                        };
                    };
                };
                /** @description An error */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @description stable error code, e.g. E_NOT_FOUND */
                            code: string;
                            hint?: string;
                            issues?: {
                                message: string;
                                path: string;
                            }[];
                            message: string;
                        };
                    };
                };
                /** @description An error */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @description stable error code, e.g. E_NOT_FOUND */
                            code: string;
                            hint?: string;
                            issues?: {
                                message: string;
                                path: string;
                            }[];
                            message: string;
                        };
                    };
                };
                /** @description An error */
                502: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @description stable error code, e.g. E_NOT_FOUND */
                            code: string;
                            hint?: string;
                            issues?: {
                                message: string;
                                path: string;
                            }[];
                            message: string;
                        };
                    };
                };
            };
        };
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/runtime/scan/stop": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                201: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": Record<string, never>;
                    };
                };
                /** @description An error */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @description stable error code, e.g. E_NOT_FOUND */
                            code: string;
                            hint?: string;
                            issues?: {
                                message: string;
                                path: string;
                            }[];
                            message: string;
                        };
                    };
                };
                /** @description An error */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @description stable error code, e.g. E_NOT_FOUND */
                            code: string;
                            hint?: string;
                            issues?: {
                                message: string;
                                path: string;
                            }[];
                            message: string;
                        };
                    };
                };
                /** @description An error */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @description stable error code, e.g. E_NOT_FOUND */
                            code: string;
                            hint?: string;
                            issues?: {
                                message: string;
                                path: string;
                            }[];
                            message: string;
                        };
                    };
                };
            };
        };
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/runtime/schedules": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            anchorAt: string;
                            cis: boolean;
                            createdAt: string;
                            enabled: boolean;
                            excludeNamespaces: string[];
                            id: string;
                            lastRunAt?: string;
                            /** @enum {string} */
                            lastRunStatus?: "started" | "done" | "failed";
                            name: string;
                            namespaces: string[];
                            nextRunAt?: string;
                            spec: {
                                /** @enum {string} */
                                kind: "now";
                            } | {
                                at: string;
                                /** @enum {string} */
                                kind: "once";
                            } | {
                                every: number;
                                /** @enum {string} */
                                kind: "hours";
                            } | {
                                at: string;
                                every: number;
                                /** @enum {string} */
                                kind: "days";
                            } | {
                                at: string;
                                /** @enum {string} */
                                day: "sunday" | "monday" | "tuesday" | "wednesday" | "thursday" | "friday" | "saturday";
                                /** @enum {string} */
                                kind: "weekly";
                            } | {
                                expression: string;
                                /** @enum {string} */
                                kind: "cron";
                            };
                            timeZone: string;
                            updatedAt: string;
                        }[];
                    };
                };
                /** @description An error */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @description stable error code, e.g. E_NOT_FOUND */
                            code: string;
                            hint?: string;
                            issues?: {
                                message: string;
                                path: string;
                            }[];
                            message: string;
                        };
                    };
                };
                /** @description An error */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @description stable error code, e.g. E_NOT_FOUND */
                            code: string;
                            hint?: string;
                            issues?: {
                                message: string;
                                path: string;
                            }[];
                            message: string;
                        };
                    };
                };
                /** @description An error */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @description stable error code, e.g. E_NOT_FOUND */
                            code: string;
                            hint?: string;
                            issues?: {
                                message: string;
                                path: string;
                            }[];
                            message: string;
                        };
                    };
                };
            };
        };
        put?: never;
        post: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        [key: string]: unknown;
                    };
                };
            };
            responses: {
                /** @description Default Response */
                201: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            anchorAt: string;
                            cis: boolean;
                            createdAt: string;
                            enabled: boolean;
                            excludeNamespaces: string[];
                            id: string;
                            lastRunAt?: string;
                            /** @enum {string} */
                            lastRunStatus?: "started" | "done" | "failed";
                            name: string;
                            namespaces: string[];
                            nextRunAt?: string;
                            spec: {
                                /** @enum {string} */
                                kind: "now";
                            } | {
                                at: string;
                                /** @enum {string} */
                                kind: "once";
                            } | {
                                every: number;
                                /** @enum {string} */
                                kind: "hours";
                            } | {
                                at: string;
                                every: number;
                                /** @enum {string} */
                                kind: "days";
                            } | {
                                at: string;
                                /** @enum {string} */
                                day: "sunday" | "monday" | "tuesday" | "wednesday" | "thursday" | "friday" | "saturday";
                                /** @enum {string} */
                                kind: "weekly";
                            } | {
                                expression: string;
                                /** @enum {string} */
                                kind: "cron";
                            };
                            timeZone: string;
                            updatedAt: string;
                        };
                    };
                };
                /** @description An error */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @description stable error code, e.g. E_NOT_FOUND */
                            code: string;
                            hint?: string;
                            issues?: {
                                message: string;
                                path: string;
                            }[];
                            message: string;
                        };
                    };
                };
                /** @description An error */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @description stable error code, e.g. E_NOT_FOUND */
                            code: string;
                            hint?: string;
                            issues?: {
                                message: string;
                                path: string;
                            }[];
                            message: string;
                        };
                    };
                };
                /** @description An error */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @description stable error code, e.g. E_NOT_FOUND */
                            code: string;
                            hint?: string;
                            issues?: {
                                message: string;
                                path: string;
                            }[];
                            message: string;
                        };
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/runtime/schedules/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            anchorAt: string;
                            cis: boolean;
                            createdAt: string;
                            enabled: boolean;
                            excludeNamespaces: string[];
                            id: string;
                            lastRunAt?: string;
                            /** @enum {string} */
                            lastRunStatus?: "started" | "done" | "failed";
                            name: string;
                            namespaces: string[];
                            nextRunAt?: string;
                            spec: {
                                /** @enum {string} */
                                kind: "now";
                            } | {
                                at: string;
                                /** @enum {string} */
                                kind: "once";
                            } | {
                                every: number;
                                /** @enum {string} */
                                kind: "hours";
                            } | {
                                at: string;
                                every: number;
                                /** @enum {string} */
                                kind: "days";
                            } | {
                                at: string;
                                /** @enum {string} */
                                day: "sunday" | "monday" | "tuesday" | "wednesday" | "thursday" | "friday" | "saturday";
                                /** @enum {string} */
                                kind: "weekly";
                            } | {
                                expression: string;
                                /** @enum {string} */
                                kind: "cron";
                            };
                            timeZone: string;
                            updatedAt: string;
                        };
                    };
                };
                /** @description An error */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @description stable error code, e.g. E_NOT_FOUND */
                            code: string;
                            hint?: string;
                            issues?: {
                                message: string;
                                path: string;
                            }[];
                            message: string;
                        };
                    };
                };
                /** @description An error */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @description stable error code, e.g. E_NOT_FOUND */
                            code: string;
                            hint?: string;
                            issues?: {
                                message: string;
                                path: string;
                            }[];
                            message: string;
                        };
                    };
                };
                /** @description An error */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @description stable error code, e.g. E_NOT_FOUND */
                            code: string;
                            hint?: string;
                            issues?: {
                                message: string;
                                path: string;
                            }[];
                            message: string;
                        };
                    };
                };
                /** @description An error */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @description stable error code, e.g. E_NOT_FOUND */
                            code: string;
                            hint?: string;
                            issues?: {
                                message: string;
                                path: string;
                            }[];
                            message: string;
                        };
                    };
                };
            };
        };
        put: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        [key: string]: unknown;
                    };
                };
            };
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            anchorAt: string;
                            cis: boolean;
                            createdAt: string;
                            enabled: boolean;
                            excludeNamespaces: string[];
                            id: string;
                            lastRunAt?: string;
                            /** @enum {string} */
                            lastRunStatus?: "started" | "done" | "failed";
                            name: string;
                            namespaces: string[];
                            nextRunAt?: string;
                            spec: {
                                /** @enum {string} */
                                kind: "now";
                            } | {
                                at: string;
                                /** @enum {string} */
                                kind: "once";
                            } | {
                                every: number;
                                /** @enum {string} */
                                kind: "hours";
                            } | {
                                at: string;
                                every: number;
                                /** @enum {string} */
                                kind: "days";
                            } | {
                                at: string;
                                /** @enum {string} */
                                day: "sunday" | "monday" | "tuesday" | "wednesday" | "thursday" | "friday" | "saturday";
                                /** @enum {string} */
                                kind: "weekly";
                            } | {
                                expression: string;
                                /** @enum {string} */
                                kind: "cron";
                            };
                            timeZone: string;
                            updatedAt: string;
                        };
                    };
                };
                /** @description An error */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @description stable error code, e.g. E_NOT_FOUND */
                            code: string;
                            hint?: string;
                            issues?: {
                                message: string;
                                path: string;
                            }[];
                            message: string;
                        };
                    };
                };
                /** @description An error */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @description stable error code, e.g. E_NOT_FOUND */
                            code: string;
                            hint?: string;
                            issues?: {
                                message: string;
                                path: string;
                            }[];
                            message: string;
                        };
                    };
                };
                /** @description An error */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @description stable error code, e.g. E_NOT_FOUND */
                            code: string;
                            hint?: string;
                            issues?: {
                                message: string;
                                path: string;
                            }[];
                            message: string;
                        };
                    };
                };
                /** @description An error */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @description stable error code, e.g. E_NOT_FOUND */
                            code: string;
                            hint?: string;
                            issues?: {
                                message: string;
                                path: string;
                            }[];
                            message: string;
                        };
                    };
                };
            };
        };
        post?: never;
        delete: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                204: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content?: never;
                };
                /** @description An error */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @description stable error code, e.g. E_NOT_FOUND */
                            code: string;
                            hint?: string;
                            issues?: {
                                message: string;
                                path: string;
                            }[];
                            message: string;
                        };
                    };
                };
                /** @description An error */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @description stable error code, e.g. E_NOT_FOUND */
                            code: string;
                            hint?: string;
                            issues?: {
                                message: string;
                                path: string;
                            }[];
                            message: string;
                        };
                    };
                };
                /** @description An error */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @description stable error code, e.g. E_NOT_FOUND */
                            code: string;
                            hint?: string;
                            issues?: {
                                message: string;
                                path: string;
                            }[];
                            message: string;
                        };
                    };
                };
                /** @description An error */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @description stable error code, e.g. E_NOT_FOUND */
                            code: string;
                            hint?: string;
                            issues?: {
                                message: string;
                                path: string;
                            }[];
                            message: string;
                        };
                    };
                };
            };
        };
        options?: never;
        head?: never;
        patch: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        [key: string]: unknown;
                    };
                };
            };
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            anchorAt: string;
                            cis: boolean;
                            createdAt: string;
                            enabled: boolean;
                            excludeNamespaces: string[];
                            id: string;
                            lastRunAt?: string;
                            /** @enum {string} */
                            lastRunStatus?: "started" | "done" | "failed";
                            name: string;
                            namespaces: string[];
                            nextRunAt?: string;
                            spec: {
                                /** @enum {string} */
                                kind: "now";
                            } | {
                                at: string;
                                /** @enum {string} */
                                kind: "once";
                            } | {
                                every: number;
                                /** @enum {string} */
                                kind: "hours";
                            } | {
                                at: string;
                                every: number;
                                /** @enum {string} */
                                kind: "days";
                            } | {
                                at: string;
                                /** @enum {string} */
                                day: "sunday" | "monday" | "tuesday" | "wednesday" | "thursday" | "friday" | "saturday";
                                /** @enum {string} */
                                kind: "weekly";
                            } | {
                                expression: string;
                                /** @enum {string} */
                                kind: "cron";
                            };
                            timeZone: string;
                            updatedAt: string;
                        };
                    };
                };
                /** @description An error */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @description stable error code, e.g. E_NOT_FOUND */
                            code: string;
                            hint?: string;
                            issues?: {
                                message: string;
                                path: string;
                            }[];
                            message: string;
                        };
                    };
                };
                /** @description An error */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @description stable error code, e.g. E_NOT_FOUND */
                            code: string;
                            hint?: string;
                            issues?: {
                                message: string;
                                path: string;
                            }[];
                            message: string;
                        };
                    };
                };
                /** @description An error */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @description stable error code, e.g. E_NOT_FOUND */
                            code: string;
                            hint?: string;
                            issues?: {
                                message: string;
                                path: string;
                            }[];
                            message: string;
                        };
                    };
                };
                /** @description An error */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @description stable error code, e.g. E_NOT_FOUND */
                            code: string;
                            hint?: string;
                            issues?: {
                                message: string;
                                path: string;
                            }[];
                            message: string;
                        };
                    };
                };
            };
        };
        trace?: never;
    };
    "/api/vulnerabilities": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get: {
            parameters: {
                query?: {
                    /** @description scope to one id */
                    applicationID?: string;
                    /** @description scope to one id */
                    applicationResourceID?: string;
                    /** @description number filter */
                    "applicationResources[gte]"?: string | string[];
                    /** @description number filter */
                    "applicationResources[is]"?: string | string[];
                    /** @description number filter */
                    "applicationResources[isNot]"?: string | string[];
                    /** @description number filter */
                    "applicationResources[lte]"?: string | string[];
                    /** @description number filter */
                    "applications[gte]"?: string | string[];
                    /** @description number filter */
                    "applications[is]"?: string | string[];
                    /** @description number filter */
                    "applications[isNot]"?: string | string[];
                    /** @description number filter */
                    "applications[lte]"?: string | string[];
                    /** @description true */
                    currentRuntimeScan?: string;
                    /** @description csv: the same rows as CSV (also with Accept: text/csv) */
                    format?: "json" | "csv";
                    /** @description boolean filter */
                    "hasFixVersion[is]"?: string | string[];
                    /** @description scope to one id */
                    packageID?: string;
                    /** @description string filter */
                    "packageName[contains]"?: string | string[];
                    /** @description string filter */
                    "packageName[end]"?: string | string[];
                    /** @description string filter */
                    "packageName[is]"?: string | string[];
                    /** @description string filter */
                    "packageName[isNot]"?: string | string[];
                    /** @description string filter */
                    "packageName[start]"?: string | string[];
                    /** @description string filter */
                    "packageVersion[contains]"?: string | string[];
                    /** @description string filter */
                    "packageVersion[end]"?: string | string[];
                    /** @description string filter */
                    "packageVersion[is]"?: string | string[];
                    /** @description string filter */
                    "packageVersion[isNot]"?: string | string[];
                    /** @description string filter */
                    "packageVersion[start]"?: string | string[];
                    /** @description page number, from 1 (default 1) */
                    page?: string;
                    /** @description rows per page, 1 to 100 (default 50) */
                    pageSize?: string;
                    /** @description elements filter */
                    "reportingScanners[containElements]"?: string | string[];
                    /** @description elements filter */
                    "reportingScanners[doesntContainElements]"?: string | string[];
                    /** @description ASC (default) or DESC */
                    sortDir?: string;
                    /** @description one of vulnerabilityName, packageName, packageVersion, severity, applications, applicationResources, fixVersion, source (default severity) */
                    sortKey?: string;
                    /** @description string filter */
                    "vulnerabilityName[contains]"?: string | string[];
                    /** @description string filter */
                    "vulnerabilityName[end]"?: string | string[];
                    /** @description string filter */
                    "vulnerabilityName[is]"?: string | string[];
                    /** @description string filter */
                    "vulnerabilityName[isNot]"?: string | string[];
                    /** @description string filter */
                    "vulnerabilityName[start]"?: string | string[];
                    /** @description severity filter */
                    "vulnerabilitySeverity[gte]"?: string | string[];
                    /** @description severity filter */
                    "vulnerabilitySeverity[is]"?: string | string[];
                    /** @description severity filter */
                    "vulnerabilitySeverity[isNot]"?: string | string[];
                    /** @description severity filter */
                    "vulnerabilitySeverity[lte]"?: string | string[];
                    /** @description enum filter (CICD, RUNTIME) */
                    "vulnerabilitySource[is]"?: string | string[];
                };
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            items: {
                                applicationResources: number;
                                applications: number;
                                cvssBaseScore?: number;
                                /** @enum {string} */
                                cvssSeverity?: "CRITICAL" | "HIGH" | "MEDIUM" | "LOW" | "NEGLIGIBLE" | "UNKNOWN";
                                firstSeen: string;
                                fixVersion: string;
                                /** @description vulnerabilityID/packageID: the path of the detail */
                                id: string;
                                lastSeen: string;
                                packageID: string;
                                packageName: string;
                                packageVersion: string;
                                reportingScanners: string[];
                                /** @enum {string} */
                                severity: "CRITICAL" | "HIGH" | "MEDIUM" | "LOW" | "NEGLIGIBLE" | "UNKNOWN";
                                /** @enum {string} */
                                source: "CICD" | "RUNTIME";
                                sources: ("CICD" | "RUNTIME")[];
                                vulnerabilityID: string;
                                vulnerabilityName: string;
                            }[];
                            /** @description rows matching the filters */
                            total: number;
                        };
                    };
                };
                /** @description An error */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @description stable error code, e.g. E_NOT_FOUND */
                            code: string;
                            hint?: string;
                            issues?: {
                                message: string;
                                path: string;
                            }[];
                            message: string;
                        };
                    };
                };
                /** @description An error */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @description stable error code, e.g. E_NOT_FOUND */
                            code: string;
                            hint?: string;
                            issues?: {
                                message: string;
                                path: string;
                            }[];
                            message: string;
                        };
                    };
                };
                /** @description An error */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @description stable error code, e.g. E_NOT_FOUND */
                            code: string;
                            hint?: string;
                            issues?: {
                                message: string;
                                path: string;
                            }[];
                            message: string;
                        };
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/vulnerabilities/{vulId}/{pkgId}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    pkgId: string;
                    vulId: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            aliases: string[];
                            cvss?: {
                                cvssV3Metrics: {
                                    baseScore: number;
                                    exploitabilityScore: number;
                                    impactScore: number;
                                    /** @enum {string} */
                                    severity: "CRITICAL" | "HIGH" | "MEDIUM" | "LOW" | "NEGLIGIBLE" | "UNKNOWN";
                                };
                                cvssV3Vector: {
                                    attackComplexity?: string;
                                    attackVector?: string;
                                    availability?: string;
                                    confidentiality?: string;
                                    integrity?: string;
                                    privilegesRequired?: string;
                                    scope?: string;
                                    userInteraction?: string;
                                    vector: string;
                                };
                            };
                            cvssV4?: {
                                baseScore: number;
                                metrics: {
                                    [key: string]: string;
                                };
                                /** @enum {string} */
                                severity: "CRITICAL" | "HIGH" | "MEDIUM" | "LOW" | "NEGLIGIBLE" | "UNKNOWN";
                                vector: string;
                            };
                            description: string;
                            epss?: {
                                percentile: number;
                                score: number;
                            };
                            findings: {
                                /** @description why the matcher found it: the record, the range, the comparison */
                                evidence: ({
                                    /** @description the versioning scheme that compared (semver, dpkg, apk, …) */
                                    comparator?: string;
                                    /** @description the version compared (the source version for OS packages) */
                                    comparedVersion?: string;
                                    /** @description the ecosystem the record was looked up in (npm, Debian:12, …) */
                                    ecosystem?: string;
                                    fixed?: string;
                                    introduced?: string;
                                    /**
                                     * @description range: an affected range held the version; versions: the explicit version list named it
                                     * @enum {string}
                                     */
                                    kind?: "range" | "versions";
                                    lastAffected?: string;
                                    limit?: string;
                                    /** @description where the package was found */
                                    location?: {
                                        layerDiffId?: string;
                                        path: string;
                                    } & {
                                        [key: string]: unknown;
                                    };
                                    /** @description ECOSYSTEM or SEMVER */
                                    rangeType?: string;
                                    /** @description the advisory record that matched (OSV id, DSA, ALPINE-…) */
                                    recordId?: string;
                                    /** @description the scanner that reported it, when not the built-in matcher */
                                    reportedBy?: string;
                                } & {
                                    [key: string]: unknown;
                                })[];
                                firstSeen: string;
                                fixedVersions: string[];
                                lastSeen: string;
                                resourceHash: string;
                                resourceID: string;
                                resourceName: string;
                                scanners: string[];
                                /** @enum {string} */
                                severity: "CRITICAL" | "HIGH" | "MEDIUM" | "LOW" | "NEGLIGIBLE" | "UNKNOWN";
                                severityScore: number | null;
                                severitySource: string | null;
                                source: string;
                            }[];
                            fixedVersions: string[];
                            kev?: {
                                [key: string]: unknown;
                            };
                            links: string[];
                            scanDate: string;
                            vulnerability: {
                                applicationResources: number;
                                applications: number;
                                cvssBaseScore?: number;
                                /** @enum {string} */
                                cvssSeverity?: "CRITICAL" | "HIGH" | "MEDIUM" | "LOW" | "NEGLIGIBLE" | "UNKNOWN";
                                firstSeen: string;
                                fixVersion: string;
                                /** @description vulnerabilityID/packageID: the path of the detail */
                                id: string;
                                lastSeen: string;
                                packageID: string;
                                packageName: string;
                                packageVersion: string;
                                reportingScanners: string[];
                                /** @enum {string} */
                                severity: "CRITICAL" | "HIGH" | "MEDIUM" | "LOW" | "NEGLIGIBLE" | "UNKNOWN";
                                /** @enum {string} */
                                source: "CICD" | "RUNTIME";
                                sources: ("CICD" | "RUNTIME")[];
                                vulnerabilityID: string;
                                vulnerabilityName: string;
                            };
                        };
                    };
                };
                /** @description An error */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @description stable error code, e.g. E_NOT_FOUND */
                            code: string;
                            hint?: string;
                            issues?: {
                                message: string;
                                path: string;
                            }[];
                            message: string;
                        };
                    };
                };
                /** @description An error */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @description stable error code, e.g. E_NOT_FOUND */
                            code: string;
                            hint?: string;
                            issues?: {
                                message: string;
                                path: string;
                            }[];
                            message: string;
                        };
                    };
                };
                /** @description An error */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @description stable error code, e.g. E_NOT_FOUND */
                            code: string;
                            hint?: string;
                            issues?: {
                                message: string;
                                path: string;
                            }[];
                            message: string;
                        };
                    };
                };
                /** @description An error */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @description stable error code, e.g. E_NOT_FOUND */
                            code: string;
                            hint?: string;
                            issues?: {
                                message: string;
                                path: string;
                            }[];
                            message: string;
                        };
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/healthz": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @enum {string} */
                            status: "ok";
                        };
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/readyz": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @enum {string} */
                            status: "ok";
                        };
                    };
                };
                /** @description An error */
                503: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @description stable error code, e.g. E_NOT_FOUND */
                            code: string;
                            hint?: string;
                            issues?: {
                                message: string;
                                path: string;
                            }[];
                            message: string;
                        };
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
}
export type webhooks = Record<string, never>;
export interface components {
    schemas: never;
    responses: never;
    parameters: never;
    requestBodies: never;
    headers: never;
    pathItems: never;
}
export type $defs = Record<string, never>;
export type operations = Record<string, never>;
