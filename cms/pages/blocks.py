"""StreamField blocks of editorial bodies, each shaping its own JSON for the API."""

from django.core.exceptions import ValidationError
from wagtail import blocks
from wagtail.documents.blocks import DocumentChooserBlock
from wagtail.images.blocks import ImageChooserBlock

# Widths of the WebP renditions offered in `srcset`; phones take the smallest that fits.
SRCSET_WIDTHS = (480, 800, 1200)


def field_error(name: str, message) -> blocks.StructBlockValidationError:
    """The error a StructBlock's `clean()` raises for its child `name` (a message or a list)."""
    return blocks.StructBlockValidationError(block_errors={name: ValidationError(message)})


def image_srcset(image) -> list[dict]:
    """WebP renditions of `image` at SRCSET_WIDTHS, never wider than the original."""
    candidates = {}
    for width in SRCSET_WIDTHS:
        rendition = image.get_rendition(f"width-{min(width, image.width)}|format-webp")
        candidates[rendition.width] = rendition.url
    return [{"url": url, "width": width} for width, url in sorted(candidates.items())]


class ImageBlock(blocks.StructBlock):
    image = ImageChooserBlock(label="图片")
    caption = blocks.CharBlock(required=False, max_length=200, label="图注")
    alt = blocks.CharBlock(
        required=False, max_length=200, label="替代文字", help_text="供读屏软件朗读"
    )

    class Meta:
        icon = "image"
        label = "图片"

    def get_api_representation(self, value, context=None):
        image = value["image"]
        if image is None:
            return None
        rendition = image.get_rendition("max-1200x1200|format-webp")
        return {
            "id": image.id,
            "title": image.title,
            "url": rendition.url,
            "width": rendition.width,
            "height": rendition.height,
            "alt": value["alt"] or image.title,
            "caption": value["caption"],
            "srcset": image_srcset(image),
        }


class AttachmentBlock(blocks.StructBlock):
    document = DocumentChooserBlock(label="附件")
    title = blocks.CharBlock(required=False, max_length=200, label="显示名称")

    class Meta:
        icon = "doc-full"
        label = "附件"

    def get_api_representation(self, value, context=None):
        document = value["document"]
        if document is None:
            return None
        return {
            "id": document.id,
            "title": value["title"] or document.title,
            "url": document.url,
            "extension": document.file_extension,
            "size": document.get_file_size(),
        }


class BodyBlock(blocks.StreamBlock):
    paragraph = blocks.RichTextBlock(
        features=["h2", "h3", "bold", "italic", "ol", "ul", "link", "document-link", "hr"],
        label="段落",
    )
    image = ImageBlock()
    attachment = AttachmentBlock()


class AttachmentsBlock(blocks.StreamBlock):
    """A list of downloadable files (a notice's attachments)."""

    attachment = AttachmentBlock()
