export {assertNever} from "./assert.ts";
export {renderMarkdown} from "./markdown.ts";
export {headingSlug} from "./heading-slug.ts";
export {
  exportEndpointPath,
  notebookChangedEvent,
  saveEndpointPath,
  saveRequestHeader,
  saveTokenMeta,
  saveTokenMetaName,
  textVersion,
  type ExportRequest,
  type NotebookChange,
  type SaveRequest,
  type SaveResponse
} from "./dev-server.ts";
export {cellMarkup, cellNameMarkup, cellSourceMarkup, escapeHtml, unrunCellNotice, type CellMarkupSpec} from "./cell-markup.ts";
export {
  ATTACHMENT_EXTENSIONS,
  isAttachmentFileName,
  isTableFileName,
  maybeAttachmentName,
  tableNameOf,
  type AttachmentExtension,
  type AttachmentName
} from "./attachment-name.ts";
export {attachEndpointPath, type AttachResponse} from "./attach-endpoint.ts";
export {contentTypeOf, essenceOf, mimeTypeOf} from "./mime-types.ts";
export {
  effectiveTheme,
  parsePageTheme,
  readPageTheme,
  themeAttributes,
  themeAttributeValues,
  THEMES,
  type ColorScheme,
  type PageTheme,
  type ThemeAttributeValues,
  type ThemeName
} from "./themes.ts";
export {
  contentSecurityPolicy,
  contentSecurityPolicyMeta,
  editingTwinMetaName,
  editingTwinName,
  parseRemoteHosts,
  policyCompiles,
  policyOfPage,
  readerPageMetaName,
  remoteHostsAttribute,
  remoteHostsOf,
  type PolicyOptions,
  type RemoteHosts
} from "./content-policy.ts";
export {cellStartsHook, reportCellStart} from "./check-hook.ts";
export {isSpace, type StepCounter, type TagAttribute} from "./scanTag.ts";
export {scanScriptData} from "./scanScriptData.ts";
export {rawTextElements, tokenizeHtml, type HtmlToken} from "./tokenizeHtml.ts";
export {sanitizeHtml} from "./sanitize.ts";
export {isAllowedAttribute, sanitizeNode, type SanitizePolicy} from "./sanitize-node.ts";
export {importsCompilingPackage} from "./compiling-packages.ts";
export {isImportableFile, isLocalSpecifier, localModulePath, npmPackageOfUrl, parseNpmSpecifier, type LocalModulePath} from "./local-modules.ts";
export {buildEngineOf, buildResultPath, loaderExtension, queryKey, type BuildEngine, type QueryResultFile} from "./build-queries.ts";
export {
  PREPAINT_HOLD_ATTRIBUTE,
  PREPAINT_MAX_CHARS,
  PREPAINTED_ATTRIBUTE,
  prepaintDecision,
  prepaintGuardScript,
  withPrepaintedOutputs,
  type PrepaintDecision
} from "./prepaint.ts";
export {RUN_MARK_PREFIX} from "./run-mark.ts";
