export {assertNever} from "./assert.ts";
export {headingSlug, renderMarkdown} from "./markdown.ts";
export {
  notebookChangedEvent,
  saveEndpointPath,
  saveRequestHeader,
  textVersion,
  type NotebookChange,
  type SaveRequest,
  type SaveResponse
} from "./dev-server.ts";
export {cellMarkup, cellNameMarkup, cellSourceMarkup, escapeHtml, type CellMarkupSpec} from "./cell-markup.ts";
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
export {parsePageTheme, themeAttributes, THEMES, type PageTheme, type ThemeName} from "./themes.ts";
export {isLocalSpecifier, localModulePath, type LocalModulePath} from "./local-modules.ts";
export {buildEngineOf, buildResultPath, loaderExtension, queryKey, type BuildEngine, type QueryResultFile} from "./build-queries.ts";
