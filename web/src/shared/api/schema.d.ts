/**
 * Types of the Lucent REST API, generated from the server's OpenAPI document by web/codegen/generate.ts
 * (openapi-typescript). Do not edit: change the route schemas and run `npm --prefix web/codegen run generate`.
 */
export interface paths {
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
