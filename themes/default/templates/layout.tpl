{{%AUTOESCAPE context="HTML"}}<!DOCTYPE html>
{{! layout.tpl - the frame of every page. Globals: ROOT, SITE_TITLE, }}
{{! ORG_NAME, ORG_EMAIL, LANG, AUDIENCE, PAGE_TITLE, PAGE_KIND; DOC_TITLE for <title>. Includes: HEADER, }}
{{! CONTENT (the page's own template), FOOTER. }}
<html lang="{{LANG}}" class="aud-{{AUDIENCE}}">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
{{#NOINDEX}}<meta name="robots" content="noindex, nofollow">
{{/NOINDEX}}
<title>{{DOC_TITLE}}</title>
<link rel="stylesheet" href="{{ROOT}}style.css">
<link rel="alternate" type="application/atom+xml" title="What has changed" href="{{ROOT}}changes.atom">
</head>
<body class="page-{{PAGE_KIND}}">
<a class="skip-link" href="#main">Skip to main content</a>
{{>HEADER}}
<main id="main" tabindex="-1">
{{>CONTENT}}
</main>
{{>FOOTER}}
</body>
</html>
