{{%AUTOESCAPE context="HTML"}}
{{! header.tpl - audience marker, site title, main navigation. }}
{{! NAV_ITEM: HREF, LABEL; CURRENT marks this page, IN_AREA its parent. }}
<header class="site-header">
{{#INTERNAL}}<div class="banner-internal" role="note"><strong>Internal — staff wiki.</strong> Not for publication.</div>
{{/INTERNAL}}
<div class="wrap">
<div class="brand">
<a class="site-title" href="{{HOME_HREF}}">{{SITE_TITLE}}</a>
{{#PUBLIC}}<span class="audience-label">Public privacy notice</span>{{/PUBLIC}}
{{#INTERNAL}}<span class="audience-label audience-internal">Staff wiki</span>{{/INTERNAL}}
</div>
<nav class="site-nav" aria-label="Main">
<ul>
{{#NAV_ITEM}}<li><a href="{{HREF}}"{{#CURRENT}} aria-current="page"{{/CURRENT}}{{#IN_AREA}} class="in-area"{{/IN_AREA}}>{{LABEL}}</a></li>
{{/NAV_ITEM}}
</ul>
</nav>
</div>
</header>
